// The projects screens for the router (app/router.tsx), each loaded as its own chunk.
export const projectPages = {
  list: () => import('./components/project-list-page.tsx').then((m) => m.ProjectListPage),
  overview: () => import('./components/project-page.tsx').then((m) => m.ProjectPage),
};
