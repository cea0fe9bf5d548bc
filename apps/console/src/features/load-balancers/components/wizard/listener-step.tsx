import { LB_ALGORITHMS, LISTENER_PROTOCOLS } from '@sandcloud/domain';
import { NumberField, SelectField, TextAreaField } from '../../../../components/ui/field.tsx';
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
    <NumberField label={label} error={errors[field]} hint={hint} min={1} max={65535} inputMode="numeric" placeholder="80" value={form[field]} onChange={(value) => set({ [field]: value })} />
  );
  const pem = (field: 'certificatePem' | 'privateKeyPem', label: string, hint: string, placeholder: string) => (
    <TextAreaField
      label={label}
      error={errors[field]}
      hint={hint}
      rows={6}
      spellCheck={false}
      className="font-mono text-xs"
      placeholder={placeholder}
      value={form[field]}
      onChange={(value) => set({ [field]: value })}
    />
  );

  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <SelectField
        label={t('lb.field.algorithm')}
        error={errors.lbAlgorithm}
        hint={t(`lb.algorithm.hint.${form.lbAlgorithm}`)}
        value={form.lbAlgorithm}
        options={LB_ALGORITHMS}
        onChange={(lbAlgorithm) => set({ lbAlgorithm })}
      />
      <SelectField
        label={t('lb.field.protocol')}
        error={errors.protocol}
        hint={t(`lb.protocol.hint.${form.protocol}`)}
        value={form.protocol}
        options={LISTENER_PROTOCOLS}
        onChange={(protocol) => set({ protocol })}
      />
      {port('protocolPort', t('lb.field.lbPort'), t('lb.hint.lbPort'))}
      {port('memberPort', t('lb.field.instancePort'), t('lb.hint.instancePort'))}
      {form.protocol === 'TERMINATED_HTTPS' && (
        <>
          {pem('certificatePem', t('lb.field.certificate'), t('lb.hint.certificate'), '-----BEGIN CERTIFICATE-----')}
          {pem('privateKeyPem', t('lb.field.privateKey'), t('lb.hint.privateKey'), '-----BEGIN PRIVATE KEY-----')}
        </>
      )}
    </div>
  );
}
