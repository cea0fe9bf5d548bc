import { randomUUID } from 'node:crypto';

/** OpenStack uses UUIDs for every resource; so do we, so ids can be passed to an OpenStack API unchanged. */
export const newId = (): string => randomUUID();
