import type { LoadBalancerDto, LoadBalancerStatsDto } from '@sandcloud/api-schemas';
import { Panel } from '../../../../components/ui/table.tsx';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';

const COUNTERS: { key: keyof LoadBalancerStatsDto; label: MessageKey; bytes?: boolean }[] = [
  { key: 'totalRequests', label: 'lb.stats.totalRequests' },
  { key: 'activeConnections', label: 'lb.stats.activeConnections' },
  { key: 'totalConnections', label: 'lb.stats.totalConnections' },
  { key: 'requestErrors', label: 'lb.stats.requestErrors' },
  { key: 'bytesIn', label: 'lb.stats.bytesIn', bytes: true },
  { key: 'bytesOut', label: 'lb.stats.bytesOut', bytes: true },
];

function formatBytes(value: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${unit === 0 ? amount : amount.toFixed(1)} ${units[unit]}`;
}

/** Statistics: the counters the data plane keeps on the load balancer (zeros until traffic flows). */
export function StatisticsTab({ loadBalancer }: { loadBalancer: LoadBalancerDto }) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-US');
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3">
        {COUNTERS.map((counter) => (
          <Panel key={counter.key} className="p-4">
            <dt className="text-xs text-slate-500">{t(counter.label)}</dt>
            <dd data-stat={counter.key} className="mt-1 text-2xl font-semibold tabular-nums">
              {counter.bytes ? formatBytes(loadBalancer.stats[counter.key]) : number.format(loadBalancer.stats[counter.key])}
            </dd>
          </Panel>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{t('lb.stats.note')}</p>
    </div>
  );
}
