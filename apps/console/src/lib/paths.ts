/** Typed builders for every console route, so links never drift from the router. */
export const paths = {
  login: () => '/login',
  projects: () => '/projects',
  project: (projectId: string) => `/projects/${projectId}`,
  projectMembers: (projectId: string) => `/projects/${projectId}/members`,
  users: () => '/admin/users',
  classroom: () => '/admin/classroom',
  compute: (projectId: string) => `/projects/${projectId}/compute`,
  computeSection: (projectId: string, section: string) => `/projects/${projectId}/compute/${section}`,
  /** The launch wizard with a VPC's subnet chosen (the subnet list's and the topology's "Launch instance here"). */
  launchIntoSubnet: (projectId: string, networkId: string, subnetId: string) => `/projects/${projectId}/compute/instances/new?networkId=${networkId}&subnetId=${subnetId}`,
};
