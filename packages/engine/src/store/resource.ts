/** Fields every resource has, whatever its kind. */
export interface ResourceBase {
  id: string;
  projectId: string | null;
  name: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

/** Any map of kind name → record type; the engine's is `ResourceKinds` (`store/kinds.ts`). */
export type KindMap = { [kind: string]: ResourceBase };
