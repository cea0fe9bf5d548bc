// The classroom screen for the router (app/router.tsx), loaded as its own chunk.
export const classroomPages = {
  list: () => import('./components/classroom-page.tsx').then((m) => m.ClassroomPage),
};
