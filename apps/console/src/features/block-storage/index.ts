// The block-storage feature's public surface: the instance page's volumes panel.
export { InstanceVolumesPanel } from './components/instance-volumes-panel.tsx';
