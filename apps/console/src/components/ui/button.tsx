import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand-500 text-white hover:bg-brand-600 disabled:bg-brand-500/40',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/40',
  ghost: 'text-slate-700 hover:bg-slate-100 disabled:text-slate-400',
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** When set, the button is disabled and the reason shows as its tooltip. */
  disabledReason?: string | undefined;
}

export function Button({ variant = 'secondary', disabledReason, disabled, className = '', title, ...props }: ButtonProps) {
  return (
    <button
      type="button"
      {...props}
      disabled={disabled || Boolean(disabledReason)}
      title={disabledReason ?? title}
      className={`inline-flex items-center justify-center gap-1.5 rounded px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
    />
  );
}

/** The small text button of a table row's actions cell; `danger` marks the destructive one in red. */
export function RowAction({ danger = false, className = '', ...props }: Omit<ButtonProps, 'variant'> & { danger?: boolean }) {
  return <Button variant="ghost" className={`text-xs ${danger ? 'text-red-600' : ''} ${className}`} {...props} />;
}
