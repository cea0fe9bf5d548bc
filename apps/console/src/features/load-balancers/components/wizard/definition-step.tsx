import type { NetworkDto } from '@sandcloud/api-schemas';
import { Field, inputClass, TextAreaField, TextField } from '../../../../components/ui/field.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { WizardErrors, WizardForm } from './wizard-form.ts';

interface DefinitionStepProps {
  form: WizardForm;
  subnets: NetworkDto[] | undefined;
  subnetId: string;
  errors: WizardErrors;
  set: (patch: Partial<WizardForm>) => void;
}

/** "[Default Network]192.168.0.0/24", as the guide shows a subnet. */
export const subnetLabel = (network: Pick<NetworkDto, 'name' | 'cidr'>) => `[${network.name}]${network.cidr}`;

/** 1. Definition: `[이름]`, `[설명]`, `[Network(Subnet)]`. */
export function DefinitionStep({ form, subnets, subnetId, errors, set }: DefinitionStepProps) {
  const t = useT();
  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <TextField label={t('lb.field.name')} error={errors.name} hint={t('lb.hint.name')} autoComplete="off" placeholder="web-lb" value={form.name} onChange={(name) => set({ name })} />
      <Field label={t('lb.field.subnet')} error={errors.subnetId} hint={t('lb.hint.subnet')}>
        {(id, describedBy) =>
          subnets === undefined ? (
            <div className="h-8 animate-pulse rounded bg-slate-100" />
          ) : (
            <select
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.subnetId)}
              value={subnetId}
              onChange={(event) => set({ subnetId: event.target.value })}
            >
              {!subnetId && <option value="">{t('lb.chooseSubnet')}</option>}
              {subnets.map((network) => (
                <option key={network.subnetId} value={network.subnetId}>
                  {subnetLabel(network)}
                </option>
              ))}
            </select>
          )
        }
      </Field>
      <div className="md:col-span-2">
        <TextAreaField
          label={t('lb.field.description')}
          error={errors.description}
          rows={2}
          maxLength={255}
          value={form.description}
          onChange={(description) => set({ description })}
        />
      </div>
    </div>
  );
}
