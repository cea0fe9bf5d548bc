/** One message of the live stream (`GET /api/projects/:id/events`, Server-Sent Events). */
export interface ResourceEventDto {
  kind: string;
  id: string;
  projectId: string | null;
  change: 'created' | 'updated' | 'deleted';
  /** Any kind's status (see `ResourceStatus` in the domain), or DELETED when the resource is gone. */
  status: string | null;
  at: string;
}
