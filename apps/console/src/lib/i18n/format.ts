import type { Language } from '@sandcloud/api-schemas';

// Dates, times, sizes and numbers in the selected language, through Intl: one place, so every
// screen writes "2026. 12. 7. 오후 9:30" or "Dec 7, 2026, 9:30 PM" alike, and "3분 전" where a
// relative time reads better (history, recent events). Pure functions of the language; components
// use them through `useFormat()`.

const LOCALE: Record<Language, string> = { ko: 'ko-KR', en: 'en-US' };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value));

/** A moment with date and time: "2026. 12. 7. 오후 9:30:16" / "Dec 7, 2026, 9:30:16 PM". */
export function formatDateTime(language: Language, value: string | number | Date): string {
  return cached(`dt:${language}`, () => new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'medium' })).format(toDate(value));
}

/** A day: "2026. 12. 7." / "Dec 7, 2026". */
export function formatDate(language: Language, value: string | number | Date): string {
  return cached(`d:${language}`, () => new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium' })).format(toDate(value));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** How long ago (or until): "3분 전", "방금", "in 2 hours", "yesterday". */
export function formatRelativeTime(language: Language, value: string | number | Date, now: number = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - now) / 1000);
  const format = cached(`rt:${language}`, () => new Intl.RelativeTimeFormat(LOCALE[language], { numeric: 'auto' }));
  if (Math.abs(seconds) < 10) return format.format(0, 'second');
  const [unit, size] = UNITS.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return format.format(Math.trunc(seconds / size), unit);
}

/** A count: "12,345". */
export function formatNumber(language: Language, value: number, options?: Intl.NumberFormatOptions): string {
  return cached(`n:${language}:${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(LOCALE[language], options)).format(value);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size in bytes, by powers of 1024 as the console has always shown them: "1.1 GB", "650 MB", "512 B". */
export function formatBytes(language: Language, bytes: number): string {
  let amount = bytes;
  let unit = 0;
  while (amount >= 1024 && unit < BYTE_UNITS.length - 1) {
    amount /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : amount >= 100 ? 0 : 1;
  return `${formatNumber(language, amount, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
}
