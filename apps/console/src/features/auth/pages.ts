// The login screen for the router (app/router.tsx), loaded as its own chunk.
export const authPages = {
  login: () => import('./components/login-page.tsx').then((m) => m.LoginPage),
};
