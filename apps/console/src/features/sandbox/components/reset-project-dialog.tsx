import { useState } from 'react';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { useResetProject } from '../api/reset-project.ts';

/** Resetting deletes everything in the project: the user types its name to confirm. */
export function ResetProjectDialog({ projectId, projectName, onClose }: { projectId: string; projectName: string; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const reset = useResetProject(projectId);
  const [typed, setTyped] = useState('');
  const confirm = () =>
    reset.mutate(
      { confirmName: typed },
      {
        onSuccess: () => {
          toast.success(t('sandbox.reset.started'));
          onClose();
        },
        onError: (error) => {
          if (!fieldError(error, 'confirmName')) toast.error(errorMessage(error));
        },
      },
    );
  return (
    <Dialog
      title={t('sandbox.reset.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="danger" disabled={typed !== projectName || reset.isPending} onClick={confirm}>
            {t('sandbox.reset.confirm')}
          </Button>
        </>
      }
    >
      <p className="mb-3 text-sm text-slate-700">{t('sandbox.reset.explain')}</p>
      <TextField
        label={t('sandbox.reset.typeName', { name: projectName })}
        value={typed}
        onChange={setTyped}
        error={fieldError(reset.error, 'confirmName')}
        autoComplete="off"
      />
    </Dialog>
  );
}
