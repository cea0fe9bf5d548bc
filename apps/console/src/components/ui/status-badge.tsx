import { statusPhase, type StatusPhase } from '@sandcloud/domain';

/** Status colours shared by every resource list: green running, grey stopped, amber in progress, red failed. */
const PHASE_TONES: Record<StatusPhase, 'good' | 'bad' | 'busy' | 'idle'> = {
  transitional: 'busy',
  degraded: 'busy',
  healthy: 'good',
  failed: 'bad',
  inactive: 'idle',
};

/** The tone of any resource's status, from the domain's table of what each status means. */
export function statusTone(status: string): 'good' | 'bad' | 'busy' | 'idle' {
  return PHASE_TONES[statusPhase(status)];
}

const TONE_CLASSES = {
  good: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  bad: 'bg-red-50 text-red-700 ring-red-600/20',
  busy: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  idle: 'bg-slate-100 text-slate-600 ring-slate-500/20',
};
const DOT_CLASSES = { good: 'bg-emerald-500', bad: 'bg-red-500', busy: 'bg-amber-500 animate-transitional', idle: 'bg-slate-400' };

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const tone = statusTone(status);
  return (
    <span data-status={status} className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`}>
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${DOT_CLASSES[tone]}`} />
      {label ?? status}
    </span>
  );
}
