import type { ReactNode } from 'react';

type Tone = 'info' | 'warning' | 'error' | 'success';

const TONES: Record<Tone, string> = {
  info: 'border-brand-100 bg-brand-50 text-brand-700',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  error: 'border-red-300 bg-red-50 text-red-800',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
};

/** A boxed message inside a page or dialog: advice, a warning before an irreversible step, an error. */
export function Alert({ tone = 'info', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'note'} className={`rounded border px-3 py-2 text-sm ${TONES[tone]}`}>
      {title && <div className="mb-0.5 font-semibold">{title}</div>}
      <div>{children}</div>
    </div>
  );
}
