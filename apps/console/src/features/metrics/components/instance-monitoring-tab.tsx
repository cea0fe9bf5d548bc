import type { InstanceMetric } from '@sandcloud/domain';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useInstanceMetrics } from '../api/get-metrics.ts';
import { formatPercent, formatPerSecond, formatRate } from './format.ts';
import { TimeChart } from './time-chart.tsx';

const IN = '#2563eb';
const OUT = '#f97316';

/** The charts of an incoming (or read) line beside an outgoing (or written) one: title, unit (packets per second when absent), format, and the two lines' labels and series. */
const PAIRED_CHARTS: { title: MessageKey; unit?: string; format: (value: number) => string; lines: [MessageKey, InstanceMetric][] }[] = [
  { title: 'metrics.networkBytes', unit: 'B/s', format: formatRate, lines: [['metrics.in', 'netInBytes'], ['metrics.out', 'netOutBytes']] },
  { title: 'metrics.networkPackets', format: formatPerSecond, lines: [['metrics.in', 'netInPackets'], ['metrics.out', 'netOutPackets']] },
  { title: 'metrics.disk', unit: 'B/s', format: formatRate, lines: [['metrics.read', 'diskReadBytes'], ['metrics.write', 'diskWriteBytes']] },
];

/** 모니터링 / Monitoring of an instance: CPU, network bytes and packets, disk, the last hour, live. */
export default function InstanceMonitoringTab({ projectId, instanceId }: { projectId: string; instanceId: string }) {
  const t = useT();
  const metrics = useInstanceMetrics(projectId, instanceId);
  if (metrics.error) return <p className="text-sm text-red-600">{metrics.error.message}</p>;
  if (!metrics.data) return <div className="h-64 animate-pulse rounded bg-slate-100" />;
  const { times, values, intervalSeconds } = metrics.data;

  return (
    <section aria-label={t('metrics.title')}>
      <p className="mb-3 text-sm text-slate-600">{t('metrics.instanceDescription', { seconds: intervalSeconds })}</p>
      {times.length === 0 && <p className="mb-3 text-sm text-slate-500">{t('metrics.waiting')}</p>}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <TimeChart title={t('metrics.cpu')} unit="%" times={times} format={formatPercent} series={[{ label: t('metrics.cpuUsage'), values: values.cpuPercent, color: '#7c3aed' }]} />
        {PAIRED_CHARTS.map((chart) => (
          <TimeChart
            key={chart.title}
            title={t(chart.title)}
            unit={chart.unit ?? t('metrics.packetsPerSecond')}
            times={times}
            format={chart.format}
            series={chart.lines.map(([label, name], index) => ({ label: t(label), values: values[name], color: index === 0 ? IN : OUT }))}
          />
        ))}
      </div>
    </section>
  );
}
