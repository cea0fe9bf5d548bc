import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Language } from '@sandcloud/api-schemas';
import type { MessageKey } from './catalog.ts';
import { currentLanguage, LANGUAGE_STORAGE_KEY as STORAGE_KEY } from './language.ts';
import { loadLanguage, messageText } from './messages-store.ts';

type Params = Record<string, string | number>;

export type Translate = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** `{name}` placeholders are filled from params. */
function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * The selected language and `t`. A feature's key renders once its table is loaded (the screen
 * suspends until then; see `messages-store.ts`); switching the language loads the other language's
 * tables of what is open first, then switches.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage);
  const latest = useRef(0);

  const setLanguage = useCallback((next: Language) => {
    const request = ++latest.current;
    void loadLanguage(next).then(() => {
      if (request !== latest.current) return;
      localStorage.setItem(STORAGE_KEY, next);
      document.documentElement.lang = next;
      setLanguageState(next);
    });
  }, []);

  const value = useMemo<I18nValue>(() => ({ language, setLanguage, t: (key, params) => format(messageText(language, key), params) }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs <I18nProvider>');
  return value;
}

export const useT = (): Translate => useI18n().t;
