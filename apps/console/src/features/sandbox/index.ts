// The sandbox feature's public surface: the project page's panel (reset, state export/import).
export { SandboxPanel } from './components/sandbox-panel.tsx';
export { SandboxResetPanel } from './components/sandbox-reset-panel.tsx';
