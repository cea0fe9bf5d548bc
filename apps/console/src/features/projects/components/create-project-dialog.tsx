import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useCreateProject } from '../api/create-project.ts';

export function CreateProjectDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const create = useCreateProject();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');

  const submit = () =>
    create.mutate(
      { name, description },
      {
        onSuccess: (project) => {
          toast.success(t('projects.created', { name: project.name }));
          onClose();
          void navigate(routes.project({ projectId: project.id }));
        },
      },
    );

  return (
    <Dialog
      title={t('projects.create')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={create.isPending} onClick={submit}>
            {t('common.create')}
          </Button>
        </>
      }
    >
      <form className="space-y-3" onSubmit={(e) => (e.preventDefault(), submit())}>
        <Field label={t('projects.name')} error={fieldError(create.error, 'name') ?? (create.error && !fieldError(create.error, 'description') ? create.error.message : undefined)}>
          {(id, describedBy) => (
            <input id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={Boolean(create.error)} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t('common.description')} error={fieldError(create.error, 'description')}>
          {(id) => <input id={id} className={inputClass} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
