// The block-storage screen for the router (app/compute-routes.tsx), loaded as its own chunk.
export const blockStoragePages = {
  list: () => import('./components/block-storage-page.tsx').then((m) => m.BlockStoragePage),
};
