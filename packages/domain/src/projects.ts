// Who may do what in a project, written once for the API schemas and the console (role pickers,
// permission checks).

/** Project roles, from most to least powerful. */
export const PROJECT_ROLES = ['admin', 'member', 'viewer'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];
