import { useT } from '../../../lib/i18n/i18n.tsx';
import { useLoadBalancerMetrics } from '../api/get-metrics.ts';
import { formatPerSecond } from './format.ts';
import { TimeChart } from './time-chart.tsx';

const COLORS = ['#2563eb', '#f97316', '#16a34a', '#7c3aed', '#db2777', '#0891b2', '#ca8a04'];

/** 모니터링 / Monitoring of a load balancer: requests per second and health of each member, live. */
export default function LoadBalancerMonitoringTab({ projectId, loadBalancerId }: { projectId: string; loadBalancerId: string }) {
  const t = useT();
  const metrics = useLoadBalancerMetrics(projectId, loadBalancerId);
  if (metrics.error) return <p className="text-sm text-red-600">{metrics.error.message}</p>;
  if (!metrics.data) return <div className="h-64 animate-pulse rounded bg-slate-100" />;
  const { times, values, members } = metrics.data;
  const line = (prefix: string) =>
    members.map((member, index) => ({ label: `${member.address}:${member.port}`, values: values[`${prefix}:${member.id}`] ?? [], color: COLORS[index % COLORS.length]! }));

  return (
    <section aria-label={t('metrics.title')} className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      {members.length === 0 && <p className="text-sm text-slate-500">{t('metrics.noMembers')}</p>}
      <TimeChart title={t('metrics.memberRequests')} unit={t('metrics.requestsPerSecond')} times={times} format={formatPerSecond} series={line('requests')} />
      <TimeChart title={t('metrics.memberHealth')} unit={t('metrics.healthUnit')} times={times} format={(v) => (v >= 1 ? 'ONLINE' : v <= 0 ? 'OFFLINE' : '')} series={line('health')} />
    </section>
  );
}
