// The activity screen for the router (app/compute-routes.tsx), loaded as its own chunk.
export const activityPages = {
  list: () => import('./components/activity-page.tsx').then((m) => m.ActivityPage),
};
