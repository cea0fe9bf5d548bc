export { InstanceMonitoringTab, LoadBalancerMonitoringTab } from './components/lazy-tabs.tsx';
