import type { FormEvent, ReactNode } from 'react';
import { errorMessage, fieldError } from '../../lib/api-client.ts';
import { Alert } from './alert.tsx';
import { Dialog, DialogActions, type DialogSize } from './dialog.tsx';

interface FormDialogProps {
  title: string;
  onClose: () => void;
  /** The primary button's label; Enter in a field does the same. */
  submitLabel: string;
  onSubmit: () => void;
  /** Disables the primary button, e.g. while the request runs. */
  busy?: boolean | undefined;
  /** Disables the primary button and says why. */
  disabledReason?: string | undefined;
  size?: DialogSize;
  /** Skips the browser's own checks (number ranges): the dialog shows its own messages. */
  noValidate?: boolean;
  /** Layout of the form; fields stack by default. */
  className?: string;
  children: ReactNode;
}

/**
 * A dialog that is one form: its fields, Cancel and the primary action in the footer, and Enter
 * submitting like the button. The create/edit dialogs of every feature had this frame written out.
 */
export function FormDialog({ title, onClose, submitLabel, onSubmit, busy, disabledReason, size, noValidate, className = 'space-y-4', children }: FormDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      title={title}
      size={size}
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submitLabel={submitLabel} onSubmit={onSubmit} disabled={busy} disabledReason={disabledReason} />}
    >
      <form className={className} onSubmit={submit} noValidate={noValidate}>
        {children}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

/** A request's error that no field shows beside itself (a conflict, a quota, a lost connection), as an alert. */
export function FormError({ error, fields = [] }: { error: Error | null; fields?: readonly string[] }) {
  if (!error || fields.some((field) => fieldError(error, field))) return null;
  return <Alert tone="error">{errorMessage(error)}</Alert>;
}
