import type { LoadBalancerListenerDto } from '@sandcloud/api-schemas';
import { useId } from 'react';
import { inputClass } from '../../../../components/ui/field.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';

/** Which listener's pool a tab shows, when the load balancer has more than one. */
export function ListenerSelect({ listeners, value, onChange }: { listeners: LoadBalancerListenerDto[]; value: string; onChange: (listenerId: string) => void }) {
  const t = useT();
  const id = useId();
  if (listeners.length < 2) return null;
  return (
    <div className="mb-4 flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {t('lb.field.listener')}
      </label>
      <select id={id} className={`${inputClass} w-auto`} value={value} onChange={(event) => onChange(event.target.value)}>
        {listeners.map((listener) => (
          <option key={listener.id} value={listener.id}>
            {listener.name} → {listener.pool.memberPort}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The chosen listener, falling back to the first one (the chosen one may have been deleted). */
export const chosenListener = (listeners: LoadBalancerListenerDto[], listenerId: string) => listeners.find((listener) => listener.id === listenerId) ?? listeners[0];
