// The topology screen for the router (app/compute-routes.tsx): React Flow and the layout worker load
// only when it is opened.
export const topologyPages = {
  topology: () => import('./components/network-topology-page.tsx').then((m) => m.NetworkTopologyPage),
};
