/**
 * A feature's labels in both languages. Korean is the reference (the guide's labels); the English
 * table must have exactly the same keys, which the type checker enforces.
 */
export type MessageTable = Record<string, string>;

export function defineMessages<const K extends MessageTable>(ko: K, en: { [Key in keyof K]: string }) {
  return { ko, en } as const;
}
