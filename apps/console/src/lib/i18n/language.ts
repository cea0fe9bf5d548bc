import type { Language } from '@sandcloud/api-schemas';

export const LANGUAGE_STORAGE_KEY = 'sandcloud.language';

/**
 * The language the user chose (Korean unless English was picked), for code outside React that
 * formats text: an API error's message is read in the language selected when it is shown.
 */
export function currentLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}
