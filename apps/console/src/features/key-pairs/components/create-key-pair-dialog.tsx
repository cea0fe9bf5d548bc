import { keyPairNameSchema } from '@sandcloud/api-schemas';
import type { KeyPairAlgorithm } from '@sandcloud/domain';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogActions } from '../../../components/ui/dialog.tsx';
import { Field, inputClass, TextField } from '../../../components/ui/field.tsx';
import { FormError } from '../../../components/ui/form-dialog.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useCreateKeyPair, type CreatedKeyPair } from '../api/create-key-pair.ts';

type Algorithm = KeyPairAlgorithm;

interface CreateKeyPairDialogProps {
  projectId: string;
  onClose: () => void;
  /** Called as soon as the key pair exists (the instance wizard selects it). */
  onCreated?: (keyPair: CreatedKeyPair) => void;
}

/**
 * "Key Pair 생성": warns that the private key is downloadable once, creates the key pair, saves
 * NAME.pem through the browser and then says it cannot be downloaded again. Used by the Key Pairs
 * screen and by the instance wizard's `[+ 생성]`.
 */
export function CreateKeyPairDialog({ projectId, onClose, onCreated }: CreateKeyPairDialogProps) {
  const t = useT();
  const create = useCreateKeyPair(projectId);
  const [name, setName] = useState('');
  const [algorithm, setAlgorithm] = useState<Algorithm>('ed25519');
  const [nameProblem, setNameProblem] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedKeyPair | null>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = keyPairNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameProblem(name.trim() === '' ? t('keyPairs.error.nameRequired') : t('keyPairs.error.nameInvalid'));
      return;
    }
    setNameProblem(undefined);
    create.mutate(
      { name: parsed.data, algorithm },
      {
        onSuccess: (keyPair) => {
          setCreated(keyPair);
          onCreated?.(keyPair);
        },
      },
    );
  };

  if (created) {
    return (
      <Dialog title={t('keyPairs.createTitle')} onClose={onClose} footer={<Button variant="primary" onClick={onClose}>{t('common.confirm')}</Button>}>
        <div className="space-y-3">
          <Alert tone="success">{t('keyPairs.downloaded', { file: created.filename })}</Alert>
          <Alert tone="warning" title={t('keyPairs.afterWarningTitle')}>
            {t('keyPairs.afterWarning')}
          </Alert>
          <div className="text-sm text-slate-600">
            <p className="mb-1">{t('keyPairs.usageHint')}</p>
            <pre className="rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
              {`chmod 0400 ${created.filename}\nssh -i ${created.filename} root@<floating ip>`}
            </pre>
          </div>
        </div>
      </Dialog>
    );
  }

  // Not a FormDialog: the success view above must stay the same Dialog element, so focus is not moved when it shows.
  return (
    <Dialog
      title={t('keyPairs.createTitle')}
      onClose={onClose}
      footer={<DialogActions onCancel={onClose} submitLabel={t('keyPairs.createSubmit')} disabled={create.isPending} onSubmit={() => submit()} />}
    >
      <form className="space-y-4" onSubmit={submit}>
        <Alert tone="warning" title={t('keyPairs.beforeWarningTitle')}>
          {t('keyPairs.beforeWarning')}
        </Alert>
        <TextField
          label={t('keyPairs.name')}
          error={nameProblem ?? fieldError(create.error, 'name')}
          hint={t('keyPairs.nameHint')}
          value={name}
          autoComplete="off"
          placeholder="my_keypair"
          onChange={setName}
        />
        <Field label={t('keyPairs.algorithm')} error={fieldError(create.error, 'algorithm')}>
          {(id) => (
            <select id={id} className={inputClass} value={algorithm} onChange={(event) => setAlgorithm(event.target.value as Algorithm)}>
              <option value="ed25519">ED25519</option>
              <option value="rsa">RSA (3072 bit)</option>
            </select>
          )}
        </Field>
        <FormError error={create.error} fields={['name', 'algorithm']} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
