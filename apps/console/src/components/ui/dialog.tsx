import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from './button.tsx';
import type { DialogSize } from './modal-frame.tsx';

export type { DialogSize };

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size?: DialogSize;
}

/**
 * The control that opened a dialog, to give focus back to when it closes. Opened from a menu item
 * (gone once the menu closes), that is the menu's button.
 */
function openerOf(active: Element | null): HTMLElement | null {
  const menu = active?.closest('[role="menu"]');
  const trigger = menu ? document.getElementById(menu.getAttribute('aria-labelledby') ?? '') : active;
  return trigger instanceof HTMLElement && trigger !== document.body ? trigger : null;
}

// Radix's dialog and the modal's markup load with the first dialog opened (a few milliseconds,
// once), not with every screen that can open one.
const ModalFrame = lazy(() => import('./modal-frame.tsx').then((module) => ({ default: module.ModalFrame })));

/**
 * A modal dialog on Radix's: focus moves into it and stays there (Tab cycles inside), Escape or a
 * click on the backdrop closes it, and focus returns to the control that opened it (noted when the
 * dialog mounts). Shown while mounted: callers render it when open and unmount it on `onClose`.
 */
export function Dialog({ title, onClose, children, footer, size = 'md' }: DialogProps) {
  const t = useT();
  const [opener] = useState(() => (typeof document === 'undefined' ? null : openerOf(document.activeElement)));
  return (
    <Suspense fallback={null}>
      <ModalFrame title={title} onClose={onClose} footer={footer} size={size} opener={opener} closeLabel={t('common.close')}>
        {children}
      </ModalFrame>
    </Suspense>
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
