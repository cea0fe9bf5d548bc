// The floating-IP screen for the router (app/compute-routes.tsx), loaded as its own chunk.
export const floatingIpPages = {
  list: () => import('./components/floating-ips-page.tsx').then((m) => m.FloatingIpsPage),
};
