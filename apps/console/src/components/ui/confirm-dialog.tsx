import type { ReactNode } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from './button.tsx';
import { CliCommand } from './cli-command.tsx';
import { Dialog } from './dialog.tsx';
import { useToast } from './toast.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** The equivalent `openstack` command, shown below the question (the console teaches the API). */
  cliCommand?: string;
}

/** Asks before a destructive action; the confirm button names the action, not just "OK". */
export function ConfirmDialog({ title, children, confirmLabel, danger = true, busy, onConfirm, onCancel, cliCommand }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button variant={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="text-sm text-slate-700">{children}</div>
      {cliCommand && <CliCommand command={cliCommand} />}
    </Dialog>
  );
}

/** The part of a TanStack mutation that ConfirmMutationDialog uses. */
interface ConfirmableMutation<V> {
  mutate: (variables: V, options: { onSuccess: () => void; onError: (error: Error) => void }) => void;
  isPending: boolean;
}

interface ConfirmMutationDialogProps<V> extends Omit<ConfirmDialogProps, 'busy' | 'onConfirm'> {
  mutation: ConfirmableMutation<V>;
  /** What the confirm button sends. */
  variables: V;
  /** Toasted when the request succeeds. */
  successMessage: string;
  /** After the success toast: close, clear a selection, leave the page… */
  onSuccess: () => void;
}

/**
 * A ConfirmDialog whose button runs a mutation: it waits while the request runs, toasts the success
 * (then calls onSuccess) or the error (and stays open). Every delete/detach confirmation did exactly this.
 */
export function ConfirmMutationDialog<V>({ mutation, variables, successMessage, onSuccess, ...dialog }: ConfirmMutationDialogProps<V>) {
  const toast = useToast();
  return (
    <ConfirmDialog
      {...dialog}
      busy={mutation.isPending}
      onConfirm={() =>
        mutation.mutate(variables, {
          onSuccess: () => {
            toast.success(successMessage);
            onSuccess();
          },
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    />
  );
}
