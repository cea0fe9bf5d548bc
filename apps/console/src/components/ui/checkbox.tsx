import { useEffect, useRef, type InputHTMLAttributes } from 'react';

interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  /** The "some but not all selected" state of a select-all box. */
  indeterminate?: boolean;
}

export function Checkbox({ indeterminate = false, className = '', ...props }: CheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className={`h-4 w-4 rounded border-slate-300 accent-brand-500 ${className}`} {...props} />;
}
