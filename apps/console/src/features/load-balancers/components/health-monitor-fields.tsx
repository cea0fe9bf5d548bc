import { HEALTH_HTTP_METHODS, HEALTH_MONITOR_TYPES, LB_LIMITS } from '@sandcloud/domain';
import { NumberField, SelectField, TextField } from '../../../components/ui/field.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { isHttpCheck, type HealthForm, type WizardErrors } from './wizard/wizard-form.ts';

interface HealthMonitorFieldsProps {
  value: HealthForm;
  errors: WizardErrors;
  onChange: (patch: Partial<HealthForm>) => void;
  disabled?: boolean;
}

/** Health check: `[프로토콜]`, `[Health Port]`, interval, timeout, max retries, and for HTTP(S) method, URL path and codes. */
export function HealthMonitorFields({ value, errors, onChange, disabled = false }: HealthMonitorFieldsProps) {
  const t = useT();
  const number = (field: 'monitorPort' | 'delaySeconds' | 'timeoutSeconds' | 'maxRetries', label: string, hint: string, min: number, max: number) => (
    <NumberField
      label={label}
      error={errors[field]}
      hint={hint}
      min={min}
      max={max}
      inputMode="numeric"
      disabled={disabled}
      value={value[field]}
      onChange={(next) => onChange({ [field]: next })}
    />
  );
  const text = (field: 'urlPath' | 'expectedCodes', label: string, hint: string) => (
    <TextField label={label} error={errors[field]} hint={hint} disabled={disabled} className="font-mono" value={value[field]} onChange={(next) => onChange({ [field]: next })} />
  );

  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <SelectField
        label={t('lb.field.healthProtocol')}
        error={errors.healthType}
        hint={t('lb.hint.healthProtocol')}
        disabled={disabled}
        value={value.healthType}
        options={HEALTH_MONITOR_TYPES}
        onChange={(healthType) => onChange({ healthType })}
      />
      {number('monitorPort', t('lb.field.healthPort'), t('lb.hint.healthPort'), 1, 65535)}
      {number('delaySeconds', t('lb.field.interval'), t('lb.hint.interval'), LB_LIMITS.delaySeconds.min, LB_LIMITS.delaySeconds.max)}
      {number('timeoutSeconds', t('lb.field.timeout'), t('lb.hint.timeout'), LB_LIMITS.timeoutSeconds.min, LB_LIMITS.timeoutSeconds.max)}
      {number('maxRetries', t('lb.field.maxRetries'), t('lb.hint.maxRetries'), LB_LIMITS.maxRetries.min, LB_LIMITS.maxRetries.max)}
      {isHttpCheck(value.healthType) && (
        <>
          <SelectField
            label={t('lb.field.httpMethod')}
            error={errors.httpMethod}
            disabled={disabled}
            value={value.httpMethod}
            options={HEALTH_HTTP_METHODS}
            onChange={(httpMethod) => onChange({ httpMethod })}
          />
          {text('urlPath', t('lb.field.urlPath'), t('lb.hint.urlPath'))}
          {text('expectedCodes', t('lb.field.expectedCodes'), t('lb.hint.expectedCodes'))}
        </>
      )}
    </div>
  );
}
