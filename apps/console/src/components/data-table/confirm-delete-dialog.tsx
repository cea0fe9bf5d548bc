import { useState } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { useT } from '../../lib/i18n/i18n.tsx';
import { Button } from '../ui/button.tsx';
import { ConfirmDialog } from '../ui/confirm-dialog.tsx';
import { useToast } from '../ui/toast.tsx';

interface ConfirmDeleteDialogProps {
  /** What is deleted, by id and the name the user reads. */
  items: readonly { id: string; name: string }[];
  /** Deletes one; each item is its own request, so one refusal does not stop the others. */
  remove: (id: string) => Promise<unknown>;
  title?: string;
  onClose: () => void;
  /** After every request answered, with the ids that were deleted. */
  onDone: (deleted: string[]) => void;
  cliCommand?: string;
}

/**
 * The one confirmation before deleting rows of a list, one or many: names what goes, sends a delete
 * per item, toasts how many went and keeps the dialog open with each refusal's reason.
 */
export function ConfirmDeleteDialog({ items, remove, title, onClose, onDone, cliCommand }: ConfirmDeleteDialogProps) {
  const t = useT();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);

  const confirm = async () => {
    setBusy(true);
    const results = await Promise.allSettled(items.map((item) => remove(item.id)));
    setBusy(false);
    const deleted = items.filter((_, index) => results[index]!.status === 'fulfilled').map((item) => item.id);
    const failed = items.flatMap((item, index) => {
      const result = results[index]!;
      return result.status === 'rejected' ? [{ name: item.name, message: errorMessage(result.reason) }] : [];
    });
    if (deleted.length > 0) toast.success(t('table.deleteDone', { count: deleted.length }));
    setFailures(failed);
    onDone(deleted);
    if (failed.length === 0) onClose();
  };

  return (
    <ConfirmDialog
      title={title ?? t('table.deleteTitle', { count: items.length })}
      confirmLabel={t('common.delete')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      {...(cliCommand ? { cliCommand } : {})}
    >
      <p>{t('table.deleteConfirm', { count: items.length })}</p>
      <ul className="mt-2 max-h-40 list-disc overflow-auto pl-5 font-medium">
        {items.map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
      {failures.length > 0 && (
        <ul role="alert" className="mt-3 space-y-1 text-red-700">
          {failures.map((failure) => (
            <li key={failure.name}>{t('table.deleteFailed', failure)}</li>
          ))}
        </ul>
      )}
    </ConfirmDialog>
  );
}

/** The toolbar's `[선택 항목 삭제]`: disabled with its reason until rows are checked (or for a viewer). */
export function BulkDeleteButton({ count, readOnly, onClick }: { count: number; readOnly: string | undefined; onClick: () => void }) {
  const t = useT();
  return (
    <Button variant="ghost" className="text-red-600" disabledReason={readOnly ?? (count === 0 ? t('table.selectFirst') : undefined)} onClick={onClick}>
      {t('table.deleteSelected')}
    </Button>
  );
}
