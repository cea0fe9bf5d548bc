import { useState } from 'react';
import { useT } from '../../lib/i18n/i18n.tsx';

/** Copies a value (an IP, a command) to the clipboard and says so. */
export function CopyButton({ value }: { value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="ml-1 rounded px-1 text-xs text-slate-400 hover:bg-slate-100 hover:text-slate-700"
      title={copied ? t('common.copied') : t('common.copy')}
      aria-label={`${t('common.copy')} ${value}`}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? '✓' : '⧉'}
    </button>
  );
}
