import { HEALTH_HTTP_METHODS, HEALTH_MONITOR_TYPES, LB_LIMITS, type HealthHttpMethod, type HealthMonitorType } from '@sandcloud/api-schemas';
import { Field, inputClass } from '../../../components/ui/field.tsx';
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
    <Field label={label} error={errors[field]} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          inputMode="numeric"
          disabled={disabled}
          className={`${inputClass} tabular-nums`}
          aria-describedby={describedBy}
          aria-invalid={Boolean(errors[field])}
          value={value[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <Field label={t('lb.field.healthProtocol')} error={errors.healthType} hint={t('lb.hint.healthProtocol')}>
        {(id, describedBy) => (
          <select
            id={id}
            className={inputClass}
            aria-describedby={describedBy}
            disabled={disabled}
            value={value.healthType}
            onChange={(event) => onChange({ healthType: event.target.value as HealthMonitorType })}
          >
            {HEALTH_MONITOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        )}
      </Field>
      {number('monitorPort', t('lb.field.healthPort'), t('lb.hint.healthPort'), 1, 65535)}
      {number('delaySeconds', t('lb.field.interval'), t('lb.hint.interval'), LB_LIMITS.delaySeconds.min, LB_LIMITS.delaySeconds.max)}
      {number('timeoutSeconds', t('lb.field.timeout'), t('lb.hint.timeout'), LB_LIMITS.timeoutSeconds.min, LB_LIMITS.timeoutSeconds.max)}
      {number('maxRetries', t('lb.field.maxRetries'), t('lb.hint.maxRetries'), LB_LIMITS.maxRetries.min, LB_LIMITS.maxRetries.max)}
      {isHttpCheck(value.healthType) && (
        <>
          <Field label={t('lb.field.httpMethod')} error={errors.httpMethod}>
            {(id, describedBy) => (
              <select
                id={id}
                className={inputClass}
                aria-describedby={describedBy}
                disabled={disabled}
                value={value.httpMethod}
                onChange={(event) => onChange({ httpMethod: event.target.value as HealthHttpMethod })}
              >
                {HEALTH_HTTP_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {method}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('lb.field.urlPath')} error={errors.urlPath} hint={t('lb.hint.urlPath')}>
            {(id, describedBy) => (
              <input
                id={id}
                disabled={disabled}
                className={`${inputClass} font-mono`}
                aria-describedby={describedBy}
                aria-invalid={Boolean(errors.urlPath)}
                value={value.urlPath}
                onChange={(event) => onChange({ urlPath: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('lb.field.expectedCodes')} error={errors.expectedCodes} hint={t('lb.hint.expectedCodes')}>
            {(id, describedBy) => (
              <input
                id={id}
                disabled={disabled}
                className={`${inputClass} font-mono`}
                aria-describedby={describedBy}
                aria-invalid={Boolean(errors.expectedCodes)}
                value={value.expectedCodes}
                onChange={(event) => onChange({ expectedCodes: event.target.value })}
              />
            )}
          </Field>
        </>
      )}
    </div>
  );
}
