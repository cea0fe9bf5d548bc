// The projects feature's public surface: the project layout (its tabs) for the router, and the panel
// that activates Compute & Network (the compute layout shows it until the product is on). Project
// reads and permissions are shared by every feature: lib/projects.ts.
export { ActivationPanel } from './components/activation-panel.tsx';
export { ProjectLayout } from './components/project-layout.tsx';
