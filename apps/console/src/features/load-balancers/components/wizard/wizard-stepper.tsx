import { useT } from '../../../../lib/i18n/i18n.tsx';
import { STEP_LABELS, type Step } from './wizard-form.ts';

/** The steps across the top; steps already reached can be revisited by clicking them. */
export function WizardStepper({ steps, current, reached, onGo }: { steps: readonly Step[]; current: Step; reached: number; onGo: (step: Step) => void }) {
  const t = useT();
  const currentIndex = steps.indexOf(current);
  return (
    <ol className="-mx-5 -mt-4 mb-4 flex flex-wrap items-center gap-2 border-b border-slate-200 px-5 py-3 text-sm">
      {steps.map((step, index) => {
        const done = index < currentIndex;
        const active = index === currentIndex;
        const reachable = index <= reached && !active;
        return (
          <li key={step} className="flex items-center gap-2">
            {index > 0 && <span className="h-px w-4 bg-slate-300" aria-hidden="true" />}
            <button
              type="button"
              disabled={!reachable}
              aria-current={active ? 'step' : undefined}
              onClick={() => onGo(step)}
              className={`flex items-center gap-1.5 rounded px-1.5 py-1 ${reachable ? 'hover:bg-slate-100' : 'cursor-default'}`}
            >
              <span
                className={`flex h-5 w-5 items-center justify-center rounded-full text-xs font-semibold ${
                  active ? 'bg-brand-500 text-white' : done ? 'bg-brand-100 text-brand-700' : 'bg-slate-100 text-slate-500'
                }`}
              >
                {done ? '✓' : index + 1}
              </span>
              <span className={active ? 'font-semibold text-slate-900' : 'text-slate-600'}>{t(STEP_LABELS[step])}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
