import type { ResourceBase } from '../store/resource.ts';

export interface Project extends ResourceBase {
  description: string;
  computeActivatedAt: number | null;
}
