// The compute feature's public surface: the layout of Infrastructure > Compute & Network (its menu).
export { ComputeLayout } from './components/compute-layout.tsx';
