// The key-pair screen for the router (app/compute-routes.tsx), loaded as its own chunk.
export const keyPairPages = {
  list: () => import('./components/key-pairs-page.tsx').then((m) => m.KeyPairsPage),
};
