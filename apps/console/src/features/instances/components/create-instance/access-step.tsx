import { USER_DATA_MAX_BYTES } from '@sandcloud/domain';
import { useState, type ChangeEvent } from 'react';
import { Alert } from '../../../../components/ui/alert.tsx';
import { TextAreaField } from '../../../../components/ui/field.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { KeyPairSelect } from '../../../key-pairs/index.ts';
import { SecurityGroupChecklist } from '../../../security-groups/index.ts';
import type { WizardErrors, WizardForm } from './wizard-form.ts';

interface AccessStepProps {
  projectId: string;
  form: WizardForm;
  securityGroupIds: string[];
  errors: WizardErrors;
  canWrite: boolean;
  set: (patch: Partial<WizardForm>) => void;
}

/** Access & security: `[Key Pair]` (or `[+ 생성]` one) and `[Security Groups]` with `default` checked. */
export function AccessStep({ projectId, form, securityGroupIds, errors, canWrite, set }: AccessStepProps) {
  const t = useT();
  return (
    <div className="space-y-6">
      <div className="max-w-xl">
        <KeyPairSelect
          projectId={projectId}
          value={form.keyName}
          error={errors.keyName}
          createDisabledReason={canWrite ? undefined : t('common.viewerReadOnly')}
          onChange={(keyName) => set({ keyName })}
        />
      </div>
      <div className="space-y-2">
        <SecurityGroupChecklist
          projectId={projectId}
          label={t('instanceWizard.securityGroups')}
          value={securityGroupIds}
          error={errors.securityGroupIds}
          onChange={(ids) => set({ securityGroupIds: ids })}
        />
        <Alert tone="info">{t('instanceWizard.securityGroupsHint')}</Alert>
      </div>
      <UserDataField value={form.userData} error={errors.userData} onChange={(userData) => set({ userData })} />
    </div>
  );
}

/** `[사용자 스크립트]`: a cloud-init script typed in or read from a file (64 KiB at most). */
function UserDataField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (value: string) => void }) {
  const t = useT();
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const read = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > USER_DATA_MAX_BYTES) {
      setFileProblem(t('instanceWizard.error.userDataTooLarge', { max: USER_DATA_MAX_BYTES / 1024 }));
      return;
    }
    setFileProblem(undefined);
    void file.text().then(onChange);
  };
  return (
    <div className="max-w-2xl space-y-2">
      <TextAreaField
        label={t('instanceWizard.userData')}
        hint={t('instanceWizard.userDataHint', { max: USER_DATA_MAX_BYTES / 1024 })}
        error={fileProblem ?? error}
        rows={6}
        spellCheck={false}
        className="font-mono text-xs"
        placeholder={'#!/bin/bash\n'}
        value={value}
        onChange={onChange}
      />
      <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-brand-700">
        <input type="file" className="sr-only" onChange={read} />
        {t('instanceWizard.userDataFile')}
      </label>
    </div>
  );
}
