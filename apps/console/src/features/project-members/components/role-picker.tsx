import { useId } from 'react';
import type { ProjectRole } from '@sandcloud/api-schemas';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ROLES } from './member-rules.ts';

/** The three project roles as radio buttons, each with what it allows; an error shows under them. */
export function RolePicker({ value, onChange, error }: { value: ProjectRole; onChange: (role: ProjectRole) => void; error?: string | undefined }) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{t('members.role')}</legend>
      {ROLES.map((role) => (
        <label key={role} className="flex cursor-pointer items-start gap-2 rounded border border-slate-200 px-3 py-2 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
          <input
            type="radio"
            name={`${id}-role`}
            className="mt-1 accent-brand-500"
            checked={value === role}
            aria-labelledby={`${id}-${role}-name`}
            aria-describedby={`${id}-${role}-help`}
            onChange={() => onChange(role)}
          />
          <span className="text-sm">
            <span id={`${id}-${role}-name`} className="font-medium">
              {t(`role.${role}`)}
            </span>
            <span id={`${id}-${role}-help`} className="block text-xs text-slate-500">
              {t(`members.roleHelp.${role}`)}
            </span>
          </span>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
