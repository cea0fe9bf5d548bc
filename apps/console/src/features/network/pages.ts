// The network screens for the router (app/compute-routes.tsx), each loaded as its own chunk.
export const networkPages = {
  vpcs: () => import('./components/vpcs-page.tsx').then((m) => m.VpcsPage),
  subnets: () => import('./components/subnets-page.tsx').then((m) => m.SubnetsPage),
  routingTables: () => import('./components/routing-tables-page.tsx').then((m) => m.RoutingTablesPage),
  interfaces: () => import('./components/network-interfaces-page.tsx').then((m) => m.NetworkInterfacesPage),
};
