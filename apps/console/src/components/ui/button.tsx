import { useId, type ButtonHTMLAttributes, type MouseEvent } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand-500 text-white hover:bg-brand-600 disabled:bg-brand-500/40 aria-disabled:bg-brand-500/40',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400 aria-disabled:bg-white aria-disabled:text-slate-400',
  danger: 'bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/40 aria-disabled:bg-red-600/40',
  ghost: 'text-slate-700 hover:bg-slate-100 disabled:text-slate-400 aria-disabled:bg-transparent aria-disabled:text-slate-400',
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /**
   * When set, the button is disabled and says why: it stays in the tab order (`aria-disabled`, a
   * click does nothing), the reason is its accessible description (`aria-describedby`, read by a
   * screen reader on focus) and its tooltip (`title`) for the mouse.
   */
  disabledReason?: string | undefined;
}

export function Button({ variant = 'secondary', disabledReason, disabled, className = '', title, onClick, ...props }: ButtonProps) {
  const reasonId = useId();
  const classes = `inline-flex items-center justify-center gap-1.5 rounded px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed aria-disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`;
  if (!disabledReason) return <button type="button" {...props} disabled={disabled} title={title} onClick={onClick} className={classes} />;
  const refuse = (event: MouseEvent<HTMLButtonElement>) => event.preventDefault();
  const describedBy = [props['aria-describedby'], reasonId].filter(Boolean).join(' ');
  return (
    <>
      <button type="button" {...props} aria-disabled="true" aria-describedby={describedBy} title={disabledReason} onClick={refuse} className={classes} />
      <span id={reasonId} className="sr-only">
        {disabledReason}
      </span>
    </>
  );
}

/** The small text button of a table row's actions cell; `danger` marks the destructive one in red. */
export function RowAction({ danger = false, className = '', ...props }: Omit<ButtonProps, 'variant'> & { danger?: boolean }) {
  return <Button variant="ghost" className={`text-xs ${danger ? 'text-red-600' : ''} ${className}`} {...props} />;
}
