import { useState } from 'react';
import type { QuotaName } from '@sandcloud/domain';
import type { QuotasDto } from '@sandcloud/api-schemas';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { NumberField } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUpdateQuotas } from '../api/quotas.ts';
import { QUOTA_ROWS } from './quota-format.ts';

/** An administrator edits the project's limits; a limit below what is used is refused beside its field. */
export function EditQuotasDialog({ projectId, quotas, onClose }: { projectId: string; quotas: QuotasDto; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateQuotas(projectId);
  const [values, setValues] = useState<Record<QuotaName, string>>(
    () => Object.fromEntries(QUOTA_ROWS.map(({ name }) => [name, String(quotas[name].limit)])) as Record<QuotaName, string>,
  );
  const [local, setLocal] = useState<Partial<Record<QuotaName, string>>>({});

  const submit = () => {
    const problems: Partial<Record<QuotaName, string>> = {};
    const changes: Partial<Record<QuotaName, number>> = {};
    for (const { name } of QUOTA_ROWS) {
      const text = values[name].trim();
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(value)) problems[name] = t('quotas.error.wholeNumber');
      else if (value < quotas[name].used) problems[name] = t('quotas.error.belowUsage', { used: quotas[name].used });
      else if (value !== quotas[name].limit) changes[name] = value;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(changes, {
      onSuccess: () => {
        toast.success(t('quotas.saved'));
        onClose();
      },
    });
  };

  return (
    <FormDialog title={t('quotas.editTitle')} onClose={onClose} submitLabel={t('common.save')} onSubmit={submit} busy={update.isPending} noValidate size="lg" className="grid grid-cols-2 gap-x-4 gap-y-3">
      {QUOTA_ROWS.map(({ name, label }) => (
        <NumberField
          key={name}
          label={t(label)}
          hint={t('quotas.inUse', { used: quotas[name].used })}
          value={values[name]}
          min={0}
          error={local[name] ?? (update.error ? fieldError(update.error, name) : undefined)}
          onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
        />
      ))}
      <div className="col-span-2">
        <FormError error={update.error} fields={QUOTA_ROWS.map((row) => row.name)} />
      </div>
    </FormDialog>
  );
}
