// The key-pair feature's public surface: the picker of the launch wizard.
export { KeyPairSelect } from './components/key-pair-select.tsx';
