import type { Language } from '@sandcloud/api-schemas';
import { commonMessages } from './messages/common.ts';
import { shellMessages } from './messages/shell.ts';

/** Every feature's table, merged. Add a feature's messages here. */
const tables = [commonMessages, shellMessages] as const;

type Union<T> = T extends readonly (infer U)[] ? U : never;
type KeysOf<T> = T extends { ko: infer K } ? keyof K : never;
export type MessageKey = KeysOf<Union<typeof tables>> & string;

export const catalog = Object.fromEntries(
  (['ko', 'en'] as const).map((language) => [language, Object.assign({}, ...tables.map((table) => table[language]))]),
) as Record<Language, Record<MessageKey, string>>;
