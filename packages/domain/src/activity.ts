// The activity log's vocabulary, shared by the engine's store (moments in ms) and the API (ISO text).

/** How a change someone asked for ended: `accepted` while a long action runs, then `done` or `failed`. */
export const ACTIVITY_RESULTS = ['accepted', 'done', 'failed'] as const;
export type ActivityResult = (typeof ACTIVITY_RESULTS)[number];

/** One change someone asked for: who, what, on which resource, and how it ended; `Moment` is how a time is written. */
export interface ActivityEntry<Moment> {
  id: number;
  at: Moment;
  projectId: string | null;
  userId: string | null;
  userName: string;
  action: string;
  resourceKind: string;
  resourceId: string | null;
  resourceName: string | null;
  result: ActivityResult;
  reason: string | null;
  requestId: string | null;
  /** Which API it came through: the console's (`console`) or an OpenStack API (`compute`, `network`…). */
  source: string;
  finishedAt: Moment | null;
}
