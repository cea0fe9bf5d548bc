import type { InstanceDto, NetworkDto } from '@sandcloud/api-schemas';
import { LB_LIMITS, type SessionPersistenceType } from '@sandcloud/domain';
import { DescriptionList } from '../../../../components/ui/description-list.tsx';
import { Field, inputClass, NumberField, TextField } from '../../../../components/ui/field.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useInstancesById } from '../../api/get-candidate-instances.ts';
import { PersistenceOptions } from '../persistence-options.tsx';
import { subnetLabel } from './definition-step.tsx';
import { isHttpCheck, type WizardErrors, type WizardForm } from './wizard-form.ts';

interface ConnectionStepProps {
  projectId: string;
  form: WizardForm;
  errors: WizardErrors;
  set: (patch: Partial<WizardForm>) => void;
  /** The chosen subnet, for the summary; absent when adding a listener. */
  subnet?: NetworkDto | undefined;
}

/** 5. Advanced connection options (고급 연결 옵션), then a summary of everything before `[추가]`. */
export function ConnectionStep({ projectId, form, errors, set, subnet }: ConnectionStepProps) {
  const t = useT();
  const limit = (field: 'connectionLimit' | 'keepAliveTimeoutSeconds', label: string, hint: string) => (
    <NumberField label={label} error={errors[field]} hint={hint} min={1} max={LB_LIMITS[field].max} value={form[field]} onChange={(value) => set({ [field]: value })} />
  );
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field label={t('lb.field.persistence')} error={errors.persistence} hint={t('lb.hint.persistence')}>
          {(id, describedBy) => (
            <select
              id={id}
              className={inputClass}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.persistence)}
              value={form.persistence}
              onChange={(event) => set({ persistence: event.target.value as '' | SessionPersistenceType })}
            >
              <PersistenceOptions />
            </select>
          )}
        </Field>
        {form.persistence === 'APP_COOKIE' ? (
          <TextField
            label={t('lb.field.cookieName')}
            error={errors.cookieName}
            hint={t('lb.hint.cookieName')}
            className="font-mono"
            placeholder="JSESSIONID"
            value={form.cookieName}
            onChange={(cookieName) => set({ cookieName })}
          />
        ) : (
          <div />
        )}
        {limit('connectionLimit', t('lb.field.connectionLimit'), t('lb.hint.connectionLimit', { max: LB_LIMITS.connectionLimit.max }))}
        {limit('keepAliveTimeoutSeconds', t('lb.field.keepAlive'), t('lb.hint.keepAlive'))}
      </div>
      <WizardSummary projectId={projectId} form={form} subnet={subnet} />
    </div>
  );
}

function WizardSummary({ projectId, form, subnet }: { projectId: string; form: WizardForm; subnet?: NetworkDto | undefined }) {
  const t = useT();
  const instances = useInstancesById(projectId, form.members.filter((member) => !member.name).map((member) => member.instanceId));
  const byId = new Map((instances.data ?? []).map((instance): [string, InstanceDto] => [instance.id, instance]));
  const members = form.members.map((member) => `${member.name ?? byId.get(member.instanceId)?.name ?? member.instanceId} (${t('lb.field.weight')} ${member.weight})`).join(', ');
  const health = isHttpCheck(form.healthType)
    ? t('lb.summary.httpHealth', { type: form.healthType, port: form.monitorPort, method: form.httpMethod, path: form.urlPath, codes: form.expectedCodes })
    : t('lb.summary.tcpHealth', { port: form.monitorPort });
  return (
    <section aria-labelledby="lb-wizard-summary" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 id="lb-wizard-summary" className="mb-3 text-sm font-semibold">
        {t('lb.summary.title')}
      </h3>
      <DescriptionList
        items={[
          ...(subnet
            ? [
                { label: t('lb.field.name'), value: form.name.trim() },
                { label: t('lb.field.subnet'), value: subnetLabel(subnet) },
              ]
            : []),
          { label: t('lb.field.algorithm'), value: form.lbAlgorithm },
          { label: t('lb.summary.listener'), value: `${form.protocol} ${form.protocolPort} → ${form.memberPort}` },
          { label: t('lb.summary.members'), value: members || '—' },
          { label: t('lb.step.health'), value: `${health} · ${t('lb.summary.timing', { interval: form.delaySeconds, timeout: form.timeoutSeconds, retries: form.maxRetries })}` },
          { label: t('lb.field.persistence'), value: form.persistence ? `${form.persistence}${form.persistence === 'APP_COOKIE' ? ` (${form.cookieName})` : ''}` : t('lb.persistence.none') },
          { label: t('lb.field.connectionLimit'), value: form.connectionLimit },
          { label: t('lb.field.keepAlive'), value: form.keepAliveTimeoutSeconds },
        ]}
      />
    </section>
  );
}
