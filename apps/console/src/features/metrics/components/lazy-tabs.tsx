import { lazy, Suspense } from 'react';

// uPlot loads with the first graph opened, never with the page that holds the tab.
const InstanceMonitoring = lazy(() => import('./instance-monitoring-tab.tsx'));
const LoadBalancerMonitoring = lazy(() => import('./load-balancer-monitoring-tab.tsx'));

const Loading = () => <div className="h-64 animate-pulse rounded bg-slate-100" />;

export function InstanceMonitoringTab(props: { projectId: string; instanceId: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <InstanceMonitoring {...props} />
    </Suspense>
  );
}

export function LoadBalancerMonitoringTab(props: { projectId: string; loadBalancerId: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <LoadBalancerMonitoring {...props} />
    </Suspense>
  );
}
