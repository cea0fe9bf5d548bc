import type { Language } from '@sandcloud/api-schemas';

/**
 * A table of labels: key → text, `{name}` placeholders filled by `t(key, params)`. Korean is the
 * reference (the guide's labels); the English table must have exactly the same keys, which the type
 * checker enforces.
 */
export type MessageTable = Record<string, string>;

/** The English table of a Korean one: the same keys, no more, no fewer (`satisfies Translation<typeof ko>`). */
export type Translation<Korean extends MessageTable> = { readonly [Key in keyof Korean]: string };

/** Both languages of a table that ships with the first download (the shared words, the shell). */
export function defineMessages<const K extends MessageTable>(ko: K, en: Translation<K>) {
  return { ko, en } as const;
}

/** The first segment of a key: `instances` of `instances.create`. */
export type PrefixOf<Key> = Key extends `${infer Prefix}.${string}` ? Prefix : never;

/**
 * A feature's messages, loaded in one language when a screen first needs them
 * (`features/<feature>/messages/{ko,en}.ts`, listed in `app/messages.ts`). Every key of the feature
 * starts with one of `prefixes`, and no other feature's does: that is how `t(key)` finds the table.
 */
export interface MessageNamespace<Korean extends MessageTable = MessageTable> {
  readonly prefixes: readonly PrefixOf<keyof Korean & string>[];
  readonly load: { readonly [L in Language]: () => Promise<{ messages: L extends 'ko' ? Korean : Translation<Korean> }> };
}

/** A feature's namespace, its table's type kept for the message keys (`MessageKey`). */
export function featureMessages<Korean extends MessageTable>(
  prefixes: MessageNamespace<Korean>['prefixes'],
  load: MessageNamespace<Korean>['load'],
): MessageNamespace<Korean> {
  return { prefixes, load };
}
