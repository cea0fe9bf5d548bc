import { LB_ALGORITHMS, LISTENER_PROTOCOLS, type LbAlgorithm, type ListenerProtocol } from '@sandcloud/api-schemas';
import { Field, inputClass } from '../../../../components/ui/field.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { WizardErrors, WizardForm } from './wizard-form.ts';

interface ListenerStepProps {
  form: WizardForm;
  errors: WizardErrors;
  set: (patch: Partial<WizardForm>) => void;
}

/** 2. Listener: `[Load Balancing 방식]`, `[프로토콜]`, `[Load Balancer Port]`, `[Instance Port]` (and a certificate for TERMINATED_HTTPS). */
export function ListenerStep({ form, errors, set }: ListenerStepProps) {
  const t = useT();
  const port = (field: 'protocolPort' | 'memberPort', label: string, hint: string) => (
    <Field label={label} error={errors[field]} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          min={1}
          max={65535}
          inputMode="numeric"
          className={`${inputClass} tabular-nums`}
          aria-describedby={describedBy}
          aria-invalid={Boolean(errors[field])}
          placeholder="80"
          value={form[field]}
          onChange={(event) => set({ [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <Field label={t('lb.field.algorithm')} error={errors.lbAlgorithm} hint={t(`lb.algorithm.hint.${form.lbAlgorithm}`)}>
        {(id, describedBy) => (
          <select id={id} className={inputClass} aria-describedby={describedBy} value={form.lbAlgorithm} onChange={(event) => set({ lbAlgorithm: event.target.value as LbAlgorithm })}>
            {LB_ALGORITHMS.map((algorithm) => (
              <option key={algorithm} value={algorithm}>
                {algorithm}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('lb.field.protocol')} error={errors.protocol} hint={t(`lb.protocol.hint.${form.protocol}`)}>
        {(id, describedBy) => (
          <select id={id} className={inputClass} aria-describedby={describedBy} value={form.protocol} onChange={(event) => set({ protocol: event.target.value as ListenerProtocol })}>
            {LISTENER_PROTOCOLS.map((protocol) => (
              <option key={protocol} value={protocol}>
                {protocol}
              </option>
            ))}
          </select>
        )}
      </Field>
      {port('protocolPort', t('lb.field.lbPort'), t('lb.hint.lbPort'))}
      {port('memberPort', t('lb.field.instancePort'), t('lb.hint.instancePort'))}
      {form.protocol === 'TERMINATED_HTTPS' && (
        <>
          <Field label={t('lb.field.certificate')} error={errors.certificatePem} hint={t('lb.hint.certificate')}>
            {(id, describedBy) => (
              <textarea
                id={id}
                rows={6}
                spellCheck={false}
                className={`${inputClass} font-mono text-xs`}
                aria-describedby={describedBy}
                aria-invalid={Boolean(errors.certificatePem)}
                placeholder="-----BEGIN CERTIFICATE-----"
                value={form.certificatePem}
                onChange={(event) => set({ certificatePem: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('lb.field.privateKey')} error={errors.privateKeyPem} hint={t('lb.hint.privateKey')}>
            {(id, describedBy) => (
              <textarea
                id={id}
                rows={6}
                spellCheck={false}
                className={`${inputClass} font-mono text-xs`}
                aria-describedby={describedBy}
                aria-invalid={Boolean(errors.privateKeyPem)}
                placeholder="-----BEGIN PRIVATE KEY-----"
                value={form.privateKeyPem}
                onChange={(event) => set({ privateKeyPem: event.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </div>
  );
}
