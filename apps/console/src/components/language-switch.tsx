import type { Language } from '@sandcloud/api-schemas';
import { useI18n } from '../lib/i18n/i18n.tsx';

/** 한국어 / English; `onChange` lets a signed-in shell also save the choice for the user. */
export function LanguageSwitch({ onChange }: { onChange?: (language: Language) => void }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <select
      aria-label={t('common.language')}
      className="rounded border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700"
      value={language}
      onChange={(event) => {
        const next = event.target.value as Language;
        setLanguage(next);
        onChange?.(next);
      }}
    >
      <option value="ko">{t('common.korean')}</option>
      <option value="en">{t('common.english')}</option>
    </select>
  );
}
