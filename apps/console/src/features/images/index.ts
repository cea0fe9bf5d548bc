// The images feature's public surface: "create image" from an instance (its dialog and when it is allowed).
export { createImageDisabledReason } from './components/create-image-availability.ts';
export { CreateImageDialog } from './components/create-image-dialog.tsx';
