// The users screen for the router (app/router.tsx), loaded as its own chunk.
export const userPages = {
  list: () => import('./components/users-page.tsx').then((m) => m.UsersPage),
};
