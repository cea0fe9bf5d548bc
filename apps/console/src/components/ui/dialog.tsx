import * as RadixDialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';
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

/**
 * The control that opened a dialog, to give focus back to when it closes. Opened from a menu item
 * (gone once the menu closes), that is the menu's button.
 */
function openerOf(active: Element | null): HTMLElement | null {
  const menu = active?.closest('[role="menu"]');
  const trigger = menu ? document.getElementById(menu.getAttribute('aria-labelledby') ?? '') : active;
  return trigger instanceof HTMLElement && trigger !== document.body ? trigger : null;
}

/**
 * A modal dialog on Radix's: focus moves into it and stays there (Tab cycles inside), Escape or a
 * click on the backdrop closes it, and focus returns to the control that opened it. Shown while
 * mounted: callers render it when open and unmount it on `onClose`.
 */
export function Dialog({ title, onClose, children, footer, size = 'md' }: DialogProps) {
  const t = useT();
  const [opener] = useState(() => (typeof document === 'undefined' ? null : openerOf(document.activeElement)));
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6">
          <RadixDialog.Content
            aria-describedby={undefined}
            className={`mt-12 w-full ${WIDTHS[size]} rounded-lg bg-white shadow-xl focus:outline-none`}
            onOpenAutoFocus={(event) => {
              // The first field when there is one (a form); otherwise Radix's first control.
              const field = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])');
              if (!field) return;
              event.preventDefault();
              field.focus();
            }}
            onCloseAutoFocus={(event) => {
              if (!opener?.isConnected) return;
              event.preventDefault();
              opener.focus();
            }}
          >
            <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
              <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
              <RadixDialog.Close aria-label={t('common.close')} className="rounded text-slate-500 hover:text-slate-800">
                <span aria-hidden="true">✕</span>
              </RadixDialog.Close>
            </div>
            <div className="px-5 py-4">{children}</div>
            {footer && <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">{footer}</div>}
          </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
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
