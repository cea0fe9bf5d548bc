import { OsError } from '../errors.ts';

/** Neutron's "not found" for a kind, e.g. `NetworkNotFound: Network x could not be found.` (`SecurityGroup` reads "Security Group"). */
export const missing = (kind: string, id: string) => new OsError(404, `${kind.replace(/([a-z])([A-Z])/g, '$1 $2')} ${id} could not be found.`, `${kind}NotFound`);
