import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export type DialogSize = 'md' | 'lg' | 'xl';

const WIDTHS = { md: 'max-w-lg', lg: 'max-w-2xl', xl: 'max-w-4xl' };

interface ModalFrameProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  size: DialogSize;
  /** The control to give focus back to on close (see `Dialog`). */
  opener: HTMLElement | null;
  closeLabel: string;
}

/**
 * `Dialog`'s modal on Radix's: focus moves into it and stays there (Tab cycles inside), Escape or a
 * click on the backdrop closes it, and focus returns to the opener. A module of its own so that
 * Radix's dialog loads with the first dialog opened, not with every screen that can open one.
 */
export function ModalFrame({ title, onClose, children, footer, size, opener, closeLabel }: ModalFrameProps) {
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
              <RadixDialog.Close aria-label={closeLabel} className="rounded text-slate-500 hover:text-slate-800">
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
