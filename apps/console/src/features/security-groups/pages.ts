// The security-group screens for the router (app/compute-routes.tsx), each loaded as its own chunk.
export const securityGroupPages = {
  list: () => import('./components/security-groups-page.tsx').then((m) => m.SecurityGroupsPage),
  detail: () => import('./components/security-group-page.tsx').then((m) => m.SecurityGroupPage),
};
