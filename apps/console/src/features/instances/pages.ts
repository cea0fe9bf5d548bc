// The instance screens for the router (app/compute-routes.tsx), each loaded as its own chunk.
export const instancePages = {
  list: () => import('./components/instances-page.tsx').then((m) => m.InstancesPage),
  create: () => import('./components/create-instance/create-instance-page.tsx').then((m) => m.CreateInstancePage),
  // The instance page holds the web console: xterm loads with it.
  detail: () => import('./components/instance-page.tsx').then((m) => m.InstancePage),
};
