import { useT } from '../../lib/i18n/i18n.tsx';
import { inputClass } from './field.tsx';

/**
 * The search box above a picker that asks the server (`q`): its accessible name says what it
 * searches ("Instance 검색"), so several pickers in one dialog stay apart for a screen reader.
 */
export function PickerSearch({ of, value, onChange, className = 'max-w-xs' }: { of?: string; value: string; onChange: (text: string) => void; className?: string }) {
  const t = useT();
  return (
    <input
      type="search"
      aria-label={of ? `${of} ${t('table.search')}` : t('table.search')}
      placeholder={t('table.search')}
      className={`${inputClass} ${className}`}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
