/**
 * The steps of a wizard across its top; steps already reached can be revisited by clicking them.
 * `placement="dialog"` bleeds to the edges of a dialog body and is a little more compact.
 */
export function WizardStepper<Step extends string>({
  steps,
  labelOf,
  current,
  reached,
  onGo,
  placement = 'page',
}: {
  steps: readonly Step[];
  labelOf: (step: Step) => string;
  current: Step;
  reached: number;
  onGo: (step: Step) => void;
  placement?: 'page' | 'dialog';
}) {
  const compact = placement === 'dialog';
  const currentIndex = steps.indexOf(current);
  return (
    <ol className={`flex items-center gap-2 border-b border-slate-200 px-5 py-3 text-sm ${compact ? '-mx-5 -mt-4 mb-4 flex-wrap' : ''}`}>
      {steps.map((step, index) => {
        const done = index < currentIndex;
        const active = index === currentIndex;
        const reachable = index <= reached && !active;
        return (
          <li key={step} className="flex items-center gap-2">
            {index > 0 && <span className={`h-px bg-slate-300 ${compact ? 'w-4' : 'w-6'}`} aria-hidden="true" />}
            <button
              type="button"
              disabled={!reachable}
              aria-current={active ? 'step' : undefined}
              onClick={() => onGo(step)}
              className={`flex items-center rounded px-1.5 py-1 ${compact ? 'gap-1.5' : 'gap-2'} ${reachable ? 'hover:bg-slate-100' : 'cursor-default'}`}
            >
              <span
                className={`flex items-center justify-center rounded-full text-xs font-semibold ${compact ? 'h-5 w-5' : 'h-6 w-6'} ${
                  active ? 'bg-brand-500 text-white' : done ? 'bg-brand-100 text-brand-700' : 'bg-slate-100 text-slate-500'
                }`}
              >
                {done ? '✓' : index + 1}
              </span>
              <span className={active ? 'font-semibold text-slate-900' : 'text-slate-600'}>{labelOf(step)}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
