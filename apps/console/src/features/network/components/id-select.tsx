import { Field, inputClass } from '../../../components/ui/field.tsx';

/** A Field choosing one resource by id, each shown by its label (a VPC, a subnet, an instance). */
export function IdSelect({ label, value, options, onChange, error, placeholder }: {
  label: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange: (id: string) => void;
  error?: string | undefined;
  placeholder?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(id, describedBy) => (
        <select id={id} className={inputClass} aria-describedby={describedBy} aria-invalid={Boolean(error)} value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
