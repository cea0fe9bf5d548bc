import { useState } from 'react';
import type { QuotaName } from '@sandcloud/domain';
import type { QuotasDto, UpdateQuotasRequest } from '@sandcloud/api-schemas';
import type { UseMutationResult } from '@tanstack/react-query';
import { FormDialog, FormError } from '../../../components/ui/form-dialog.tsx';
import { NumberField } from '../../../components/ui/field.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { fieldError } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useUpdateQuotaDefaults, useUpdateQuotas } from '../api/quotas.ts';
import { QUOTA_ROWS } from './quota-format.ts';

type Limits = Record<QuotaName, number>;

/** An administrator edits a project's limits; a limit below what is used is refused beside its field. */
export function EditQuotasDialog({ projectId, quotas, onClose }: { projectId: string; quotas: QuotasDto; onClose: () => void }) {
  const t = useT();
  const limits = Object.fromEntries(QUOTA_ROWS.map(({ name }) => [name, quotas[name].limit])) as Limits;
  return <QuotaLimitsDialog title={t('quotas.editTitle')} limits={limits} usage={quotas} mutation={useUpdateQuotas(projectId)} onClose={onClose} />;
}

/** An administrator edits the defaults of projects that have no limit of their own (admin settings). */
export function EditQuotaDefaultsDialog({ defaults, onClose }: { defaults: Limits; onClose: () => void }) {
  const t = useT();
  return <QuotaLimitsDialog title={t('quotas.defaultsTitle')} limits={defaults} mutation={useUpdateQuotaDefaults()} onClose={onClose} />;
}

function QuotaLimitsDialog({
  title,
  limits,
  usage,
  mutation,
  onClose,
}: {
  title: string;
  limits: Limits;
  usage?: QuotasDto;
  mutation: UseMutationResult<unknown, Error, UpdateQuotasRequest>;
  onClose: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const [values, setValues] = useState<Record<QuotaName, string>>(() => Object.fromEntries(QUOTA_ROWS.map(({ name }) => [name, String(limits[name])])) as Record<QuotaName, string>);
  const [local, setLocal] = useState<Partial<Record<QuotaName, string>>>({});

  const submit = () => {
    const problems: Partial<Record<QuotaName, string>> = {};
    const changes: Partial<Limits> = {};
    for (const { name } of QUOTA_ROWS) {
      const text = values[name].trim();
      const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      const used = usage?.[name].used ?? 0;
      if (!Number.isSafeInteger(value)) problems[name] = t('quotas.error.wholeNumber');
      else if (value < used) problems[name] = t('quotas.error.belowUsage', { used });
      else if (value !== limits[name]) changes[name] = value;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(changes).length === 0) return onClose();
    mutation.mutate(changes, {
      onSuccess: () => {
        toast.success(t('quotas.saved'));
        onClose();
      },
    });
  };

  return (
    <FormDialog title={title} onClose={onClose} submitLabel={t('common.save')} onSubmit={submit} busy={mutation.isPending} noValidate size="lg" className="grid grid-cols-2 gap-x-4 gap-y-3">
      {QUOTA_ROWS.map(({ name, label }) => (
        <NumberField
          key={name}
          label={t(label)}
          hint={usage ? t('quotas.inUse', { used: usage[name].used }) : undefined}
          value={values[name]}
          min={0}
          error={local[name] ?? (mutation.error ? fieldError(mutation.error, name) : undefined)}
          onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
        />
      ))}
      <div className="col-span-2">
        <FormError error={mutation.error} fields={QUOTA_ROWS.map((row) => row.name)} />
      </div>
    </FormDialog>
  );
}
