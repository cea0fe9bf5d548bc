import { Alert } from '../../../../components/ui/alert.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { KeyPairSelect } from '../../../key-pairs/components/key-pair-select.tsx';
import { SecurityGroupChecklist } from '../../../security-groups/components/security-group-checklist.tsx';
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
    </div>
  );
}
