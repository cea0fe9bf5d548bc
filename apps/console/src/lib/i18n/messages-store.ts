import type { Language } from '@sandcloud/api-schemas';
import { coreCatalog } from './catalog.ts';
import type { MessageNamespace, MessageTable } from './define-messages.ts';

// The features' messages, each loaded in one language when first needed. A module that uses a
// feature's keys asks for that feature's table as the module is evaluated (the console's build adds
// the call: `i18n-preload` in vite.config.ts), so a screen's messages download beside its chunk; a
// screen that shows a key whose table is not there yet suspends until it is (React Suspense).

const byPrefix = new Map<string, MessageNamespace>();
const tables = new Map<MessageNamespace, Partial<Record<Language, MessageTable>>>();
const loading = new Map<MessageNamespace, Partial<Record<Language, Promise<void>>>>();
/** Prefixes asked for before the app registered its namespaces (modules evaluated first). */
const asked = new Set<string>();
let activeLanguage: Language | null = null;

function load(namespace: MessageNamespace, language: Language): Promise<void> {
  const started = loading.get(namespace)?.[language];
  if (started) return started;
  const promise = namespace.load[language]().then(({ messages }) => {
    tables.set(namespace, { ...tables.get(namespace), [language]: messages });
  });
  // A failed download (the server restarted with a new build) is asked again the next time.
  promise.catch(() => loading.set(namespace, { ...loading.get(namespace), [language]: undefined }));
  loading.set(namespace, { ...loading.get(namespace), [language]: promise });
  return promise;
}

/** The app's feature namespaces (once, before the first render). */
export function registerFeatureMessages(namespaces: readonly MessageNamespace[], language: Language): void {
  activeLanguage = language;
  for (const namespace of namespaces) for (const prefix of namespace.prefixes) byPrefix.set(prefix, namespace);
  preloadMessages([...asked]);
  asked.clear();
}

/** Starts loading, in the selected language, the tables of these key prefixes (unknown ones are ignored). */
export function preloadMessages(prefixes: readonly string[]): void {
  if (activeLanguage === null) {
    for (const prefix of prefixes) asked.add(prefix);
    return;
  }
  for (const prefix of prefixes) {
    const namespace = byPrefix.get(prefix);
    if (namespace) void load(namespace, activeLanguage).catch(() => undefined);
  }
}

/** Loads in `language` every table loaded or asked for so far (before switching to it, so nothing suspends). */
export async function loadLanguage(language: Language): Promise<void> {
  await Promise.all([...loading.keys()].map((namespace) => load(namespace, language)));
  activeLanguage = language;
}

/**
 * The text of `key` in `language`; the key itself when no table has it. Throws the table's download
 * (a promise, for Suspense) when the key's feature table is not loaded yet: call it while rendering.
 */
export function messageText(language: Language, key: string): string {
  const core = coreCatalog[language][key];
  if (core !== undefined) return core;
  const namespace = byPrefix.get(key.slice(0, key.indexOf('.')));
  if (!namespace) return key;
  const table = tables.get(namespace)?.[language];
  if (table) return table[key] ?? key;
  throw load(namespace, language); // Suspense: the render waits for the table
}
