// The load-balancer screens for the router (app/compute-routes.tsx), each loaded as its own chunk.
export const loadBalancerPages = {
  list: () => import('./components/load-balancers-page.tsx').then((m) => m.LoadBalancersPage),
  detail: () => import('./components/detail/load-balancer-page.tsx').then((m) => m.LoadBalancerPage),
};
