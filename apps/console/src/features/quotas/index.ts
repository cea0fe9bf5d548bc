export { QuotaUsagePanel } from './components/quota-usage-panel.tsx';
