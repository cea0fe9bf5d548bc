import { useMemo } from 'react';
import { formatBytes, formatDate, formatDateTime, formatNumber, formatRelativeTime } from './format.ts';
import { useI18n } from './i18n.tsx';

/** The formatting functions bound to the selected language. */
export function useFormat() {
  const { language } = useI18n();
  return useMemo(
    () => ({
      dateTime: (value: string | number | Date) => formatDateTime(language, value),
      date: (value: string | number | Date) => formatDate(language, value),
      relativeTime: (value: string | number | Date, now?: number) => formatRelativeTime(language, value, now),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(language, value, options),
      bytes: (value: number) => formatBytes(language, value),
    }),
    [language],
  );
}
