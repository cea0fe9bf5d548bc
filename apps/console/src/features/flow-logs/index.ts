// The flow-log feature's public surface: the instance page's flow-log tab.
export { FlowLogTab } from './components/flow-log-tab.tsx';
