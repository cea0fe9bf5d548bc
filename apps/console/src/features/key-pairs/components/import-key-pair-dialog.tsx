import { importKeyPairRequestSchema } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
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

  const submit = () => {
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

  return (
    <FormDialog title={t('keyPairs.importTitle')} size="lg" onClose={onClose} submitLabel={t('keyPairs.importSubmit')} busy={importKey.isPending} onSubmit={submit}>
      <p className="text-sm text-slate-600">{t('keyPairs.importDescription')}</p>
      <TextField label={t('keyPairs.name')} error={problems.name ?? fieldError(importKey.error, 'name')} hint={t('keyPairs.nameHint')} value={name} onChange={setName} />
      <TextAreaField
        label={t('keyPairs.publicKey')}
        error={problems.publicKey ?? fieldError(importKey.error, 'publicKey')}
        hint={t('keyPairs.publicKeyHint')}
        rows={6}
        spellCheck={false}
        className="font-mono text-xs"
        placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... user@host"
        value={publicKey}
        onChange={setPublicKey}
      />
      <FormError error={importKey.error} fields={['name', 'publicKey']} />
    </FormDialog>
  );
}
