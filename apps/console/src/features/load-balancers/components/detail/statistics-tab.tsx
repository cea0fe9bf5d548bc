import type { LoadBalancerDto, LoadBalancerStatsDto } from '@sandcloud/api-schemas';
import { Panel } from '../../../../components/ui/table.tsx';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../../lib/i18n/use-format.ts';

const COUNTERS: { key: keyof LoadBalancerStatsDto; label: MessageKey; bytes?: boolean }[] = [
  { key: 'totalRequests', label: 'lb.stats.totalRequests' },
  { key: 'activeConnections', label: 'lb.stats.activeConnections' },
  { key: 'totalConnections', label: 'lb.stats.totalConnections' },
  { key: 'requestErrors', label: 'lb.stats.requestErrors' },
  { key: 'bytesIn', label: 'lb.stats.bytesIn', bytes: true },
  { key: 'bytesOut', label: 'lb.stats.bytesOut', bytes: true },
];

/** Statistics: the counters the data plane keeps on the load balancer (zeros until traffic flows). */
export function StatisticsTab({ loadBalancer }: { loadBalancer: LoadBalancerDto }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        {COUNTERS.map((counter) => (
          <Panel key={counter.key} className="p-4">
            <dt className="text-xs text-slate-500">{t(counter.label)}</dt>
            <dd data-stat={counter.key} className="mt-1 text-2xl font-semibold tabular-nums">
              {counter.bytes ? format.bytes(loadBalancer.stats[counter.key]) : format.number(loadBalancer.stats[counter.key])}
            </dd>
          </Panel>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{t('lb.stats.note')}</p>
    </div>
  );
}
