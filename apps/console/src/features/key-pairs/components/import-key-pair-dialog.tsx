import { importKeyPairRequestSchema } from '@sandcloud/api-schemas';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { Field, inputClass } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage, fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useImportKeyPair } from '../api/import-key-pair.ts';

type Problems = Partial<Record<'name' | 'publicKey', string>>;

/** Registers an existing OpenSSH public key; the server's objection shows beside the field it concerns. */
export function ImportKeyPairDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const importKey = useImportKeyPair(projectId);
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = importKeyPairRequestSchema.safeParse({ name, publicKey: publicKey.trim() });
    if (!parsed.success) {
      const next: Problems = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'name') next.name = name.trim() === '' ? t('keyPairs.error.nameRequired') : t('keyPairs.error.nameInvalid');
        if (issue.path[0] === 'publicKey') next.publicKey = t('keyPairs.error.publicKeyRequired');
      }
      setProblems(next);
      return;
    }
    setProblems({});
    importKey.mutate(parsed.data, {
      onSuccess: (keyPair) => {
        toast.success(t('keyPairs.imported', { name: keyPair.name }));
        onClose();
      },
    });
  };

  const nameError = problems.name ?? fieldError(importKey.error, 'name');
  const keyError = problems.publicKey ?? fieldError(importKey.error, 'publicKey');
  const otherError = importKey.error && !fieldError(importKey.error, 'name') && !fieldError(importKey.error, 'publicKey') ? errorMessage(importKey.error) : undefined;

  return (
    <Dialog
      title={t('keyPairs.importTitle')}
      size="lg"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={importKey.isPending} onClick={() => submit()}>
            {t('keyPairs.importSubmit')}
          </Button>
        </>
      }
    >
      <form className="space-y-4" onSubmit={submit}>
        <p className="text-sm text-slate-600">{t('keyPairs.importDescription')}</p>
        <Field label={t('keyPairs.name')} error={nameError} hint={t('keyPairs.nameHint')}>
          {(id, describedBy) => (
            <input id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={Boolean(nameError)} value={name} onChange={(event) => setName(event.target.value)} />
          )}
        </Field>
        <Field label={t('keyPairs.publicKey')} error={keyError} hint={t('keyPairs.publicKeyHint')}>
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={6}
              spellCheck={false}
              className={`${inputClass} font-mono text-xs`}
              aria-describedby={describedBy}
              aria-invalid={Boolean(keyError)}
              placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... user@host"
              value={publicKey}
              onChange={(event) => setPublicKey(event.target.value)}
            />
          )}
        </Field>
        {otherError && <Alert tone="error">{otherError}</Alert>}
      </form>
    </Dialog>
  );
}
