export const ZONES = ['kr-pub-a', 'kr-pub-b'] as const;
export type Zone = (typeof ZONES)[number];
export const isZone = (value: string): value is Zone => (ZONES as readonly string[]).includes(value);
