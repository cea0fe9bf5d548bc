import { useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useT } from '../../lib/i18n/i18n.tsx';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A labelled form control with its error message right beside it. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(id, error || hint ? messageId : undefined)}
      {error ? (
        <p id={messageId} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  'w-full rounded border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 aria-[invalid=true]:border-red-500';

type ControlProps<E> = Omit<E, 'id' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid' | 'children'> & {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
};

/** What ties a text control to its Field: id, message, invalid state (the red border), value; extra classes go after inputClass. */
function wire(
  id: string,
  describedBy: string | undefined,
  { error, value, onChange, className }: { error: string | undefined; value: string; onChange: (value: string) => void; className: string | undefined },
) {
  return {
    id,
    className: className ? `${inputClass} ${className}` : inputClass,
    'aria-describedby': describedBy,
    'aria-invalid': Boolean(error),
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
}

/**
 * The common Field: a one-line input wired to its label, to the message below it and, through
 * aria-invalid, to the red border. Written once because every form repeated the same wiring.
 */
export function TextField({ label, error, hint, value, onChange, className, ...input }: ControlProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => <input {...wire(id, describedBy, { error, value, onChange, className })} {...input} />}
    </Field>
  );
}

/** TextField for a number in a range (a port, seconds, a limit): a number input with aligned digits. */
export function NumberField({ className, ...props }: Omit<ControlProps<InputHTMLAttributes<HTMLInputElement>>, 'type'>) {
  return <TextField type="number" className={className ? `tabular-nums ${className}` : 'tabular-nums'} {...props} />;
}

/** TextField for several lines (a public key, a PEM certificate, a description). */
export function TextAreaField({ label, error, hint, value, onChange, className, ...textarea }: ControlProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => <textarea {...wire(id, describedBy, { error, value, onChange, className })} {...textarea} />}
    </Field>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  value: T;
  /** The choices, each shown as itself (zones, protocols, algorithms). */
  options: readonly T[];
  onChange: (value: T) => void;
  disabled?: boolean | undefined;
}

/** A Field choosing one of a fixed list of codes that need no translation; the same select was written in every form. */
export function SelectField<T extends string>({ label, error, hint, value, options, onChange, disabled }: SelectFieldProps<T>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <select id={id} className={inputClass} aria-describedby={describedBy} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value as T)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The optional free-text description of a resource (at most 255 characters), as every create/edit form has it. */
export function DescriptionField({ value, onChange, error, disabled }: { value: string; onChange: (value: string) => void; error?: string | undefined; disabled?: boolean | undefined }) {
  const t = useT();
  return (
    <Field label={t('common.description')} error={error}>
      {(id) => <input id={id} className={inputClass} maxLength={255} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

interface ChoiceRowProps {
  /** The Field's id: it names the "none" message when there is nothing to choose. */
  id: string;
  loading: boolean;
  /** Whether there is nothing to choose (yet). */
  empty: boolean;
  emptyMessage: string;
  /** The select, shown once there are choices. */
  children: ReactNode;
  /** Beside it, usually `[+생성]` to make the missing choice. */
  action?: ReactNode;
}

/**
 * The control row of a Field whose choices may not exist yet (a free floating IP, a key pair): a
 * placeholder while they load, a dashed "none available" box, or the select, with a create button beside.
 */
export function ChoiceRow({ id, loading, empty, emptyMessage, children, action }: ChoiceRowProps) {
  return (
    <div className="flex items-center gap-2">
      {loading ? (
        <div className="h-8 flex-1 animate-pulse rounded bg-slate-100" />
      ) : empty ? (
        <p id={id} className="flex-1 rounded border border-dashed border-slate-300 px-3 py-1.5 text-sm text-slate-500">
          {emptyMessage}
        </p>
      ) : (
        children
      )}
      {action}
    </div>
  );
}

interface FieldSetProps {
  legend: string;
  error?: string | undefined;
  /** Also marks the group itself invalid (a checklist where nothing is ticked). */
  markInvalid?: boolean;
  children: ReactNode;
}

/** A Field for a group of choices (radio rows, checkboxes): the legend names the group, the error shows below it. */
export function FieldSet({ legend, error, markInvalid = false, children }: FieldSetProps) {
  return (
    <fieldset aria-invalid={markInvalid ? Boolean(error) : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {children}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
