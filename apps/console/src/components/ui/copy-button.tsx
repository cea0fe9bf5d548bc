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
      {copied ? (
        '✓'
      ) : (
        // An inline icon: the "⧉" character is missing from many system fonts.
        <svg aria-hidden="true" viewBox="0 0 16 16" className="inline h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="5" y="5" width="8" height="9" rx="1.5" />
          <path d="M3 10.5V3.5A1.5 1.5 0 0 1 4.5 2h5" />
        </svg>
      )}
    </button>
  );
}
