// The members screen for the router (app/router.tsx), loaded as its own chunk.
export const projectMemberPages = {
  list: () => import('./components/project-members-page.tsx').then((m) => m.ProjectMembersPage),
};
