import type { Language } from '@sandcloud/api-schemas';
import { dataTableMessages } from '../../components/data-table/messages.ts';
import type { MessageNamespace } from './define-messages.ts';
import { commonMessages } from './messages/common.ts';
import { openstackCliMessages } from './messages/openstack-cli.ts';
import { shellMessages } from './messages/shell.ts';

/**
 * The messages of the first download, in both languages: the shared words, the shell (header, left
 * menu, login, projects) and the data table. A feature's own messages live in its folder
 * (`features/<feature>/messages/{ko,en}.ts`) and load in the selected language only, with the
 * feature's screens (`app/messages.ts`, `messages-store.ts`).
 */
const coreTables = [commonMessages, shellMessages, dataTableMessages, openstackCliMessages] as const;

type Union<T> = T extends readonly (infer U)[] ? U : never;
type KeysOf<T> = T extends { ko: infer K } ? keyof K : never;
type CoreKey = KeysOf<Union<typeof coreTables>> & string;

/**
 * Filled in by the app (`app/messages.ts`, by declaration merging) with its list of feature
 * namespaces, so that feature keys are typed here without `lib` importing the features.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a registry merged into by app/messages.ts
export interface FeatureMessagesRegister {}

type FeatureTables = FeatureMessagesRegister extends { namespaces: readonly (infer N)[] } ? (N extends MessageNamespace<infer Korean> ? Korean : never) : never;
type KeysOfEach<T> = T extends unknown ? keyof T & string : never;
type FeatureKey = KeysOfEach<FeatureTables>;

/** Every message key of the console: a key that is in no table is a compile error. */
export type MessageKey = CoreKey | FeatureKey;

export const coreCatalog = Object.fromEntries(
  (['ko', 'en'] as const).map((language) => [language, Object.assign({}, ...coreTables.map((table) => table[language]))]),
) as Record<Language, Partial<Record<string, string>>>;
