import { useT } from '../../../lib/i18n/i18n.tsx';
import { useInstanceMetrics } from '../api/get-metrics.ts';
import { formatPercent, formatPerSecond, formatRate } from './format.ts';
import { TimeChart } from './time-chart.tsx';

const IN = '#2563eb';
const OUT = '#f97316';

/** 모니터링 / Monitoring of an instance: CPU, network bytes and packets, disk, the last hour, live. */
export default function InstanceMonitoringTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const t = useT();
  const metrics = useInstanceMetrics(projectId, instanceId);
  if (metrics.error) return <p className="text-sm text-red-600">{metrics.error.message}</p>;
  if (!metrics.data) return <div className="h-64 animate-pulse rounded bg-slate-100" />;
  const { times, values, intervalSeconds } = metrics.data;
  const v = (name: string) => values[name] ?? [];

  return (
    <section aria-label={t('metrics.title')}>
      <p className="mb-3 text-sm text-slate-600">{t('metrics.instanceDescription', { seconds: intervalSeconds })}</p>
      {times.length === 0 && <p className="mb-3 text-sm text-slate-500">{t('metrics.waiting')}</p>}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <TimeChart title={t('metrics.cpu')} unit="%" times={times} format={formatPercent} series={[{ label: t('metrics.cpuUsage'), values: v('cpuPercent'), color: '#7c3aed' }]} />
        <TimeChart
          title={t('metrics.networkBytes')}
          unit="B/s"
          times={times}
          format={formatRate}
          series={[
            { label: t('metrics.in'), values: v('netInBytes'), color: IN },
            { label: t('metrics.out'), values: v('netOutBytes'), color: OUT },
          ]}
        />
        <TimeChart
          title={t('metrics.networkPackets')}
          unit={t('metrics.packetsPerSecond')}
          times={times}
          format={formatPerSecond}
          series={[
            { label: t('metrics.in'), values: v('netInPackets'), color: IN },
            { label: t('metrics.out'), values: v('netOutPackets'), color: OUT },
          ]}
        />
        <TimeChart
          title={t('metrics.disk')}
          unit="B/s"
          times={times}
          format={formatRate}
          series={[
            { label: t('metrics.read'), values: v('diskReadBytes'), color: IN },
            { label: t('metrics.write'), values: v('diskWriteBytes'), color: OUT },
          ]}
        />
      </div>
    </section>
  );
}
