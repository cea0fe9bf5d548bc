import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from './button.tsx';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: DialogSize;
}

export type DialogSize = 'md' | 'lg' | 'xl';

const WIDTHS = { md: 'max-w-lg', lg: 'max-w-2xl', xl: 'max-w-4xl' };

/** A modal dialog: Escape or the backdrop closes it, focus moves into it when it opens. */
export function Dialog({ title, onClose, children, footer, size = 'md' }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    const focusable = panel.current?.querySelector<HTMLElement>('input, select, textarea, button');
    focusable?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" onMouseDown={onClose}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`mt-12 w-full ${WIDTHS[size]} rounded-lg bg-white shadow-xl`}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" aria-label="close" className="text-slate-500 hover:text-slate-800" onClick={onClose}>
            ✕
          </button>
        </div>
        <div className="px-5 py-4">{children}</div>
        {footer && <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div>}
      </div>
    </div>
  );
}

interface DialogActionsProps {
  onCancel: () => void;
  /** Names the action ("Create", "Save"), not just "OK". */
  submitLabel: string;
  onSubmit: () => void;
  /** Disables the action, e.g. while its request runs. */
  disabled?: boolean | undefined;
  /** Disables the action and says why in its tooltip. */
  disabledReason?: string | undefined;
}

/** Cancel, then the dialog's one primary action: the footer every dialog that sends something had written out. */
export function DialogActions({ onCancel, submitLabel, onSubmit, disabled, disabledReason }: DialogActionsProps) {
  const t = useT();
  return (
    <>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button variant="primary" disabled={disabled} disabledReason={disabledReason} onClick={() => onSubmit()}>
        {submitLabel}
      </Button>
    </>
  );
}
