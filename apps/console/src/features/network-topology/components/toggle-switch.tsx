import type { ReactNode } from 'react';

/** An on/off setting of the view: a checkbox with the switch role, its label beside it. */
export function ToggleSwitch({ checked, onChange, children, hint }: { checked: boolean; onChange: (checked: boolean) => void; children: ReactNode; hint?: string }) {
  return (
    <label className="flex cursor-pointer items-center gap-2 text-sm font-medium whitespace-nowrap text-slate-700" title={hint}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="relative h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors before:absolute before:top-0.5 before:left-0.5 before:h-4 before:w-4 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand-500 checked:before:translate-x-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
      />
      {children}
    </label>
  );
}
