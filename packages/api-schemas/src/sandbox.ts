import type { ResetPhase } from '@sandcloud/domain';
import { z } from 'zod';

/** A reset must name the project it empties, as the console's typed confirmation does. */
export const resetProjectRequestSchema = z.strictObject({
  confirmName: z.string().min(1, 'Type the project name to confirm the reset'),
});
export type ResetProjectRequest = z.infer<typeof resetProjectRequestSchema>;


/** A project reset's progress: `idle` before the first one since the server started. */
export interface ResetReportDto {
  state: 'idle' | 'running' | 'done';
  phase: ResetPhase | null;
  removed: Record<ResetPhase, number>;
  remaining: number;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What importing a state file created (`POST …/state`). */
export interface StateImportReportDto {
  created: { keyPairs: number; securityGroups: number; rules: number; instances: number; volumes: number; floatingIps: number; images: number; loadBalancers: number; volumeSnapshots: number };
  /** Volume attachments and floating IP associations made once their instance is ACTIVE. */
  pendingLinks: number;
  skipped: { kind: string; name: string; reason: string }[];
}

/** The whole sandbox's reset (administrators) must be confirmed by typing RESET. */
export const resetSandboxRequestSchema = z.strictObject({
  confirm: z.literal('RESET', { error: 'Type RESET to confirm the reset of the whole sandbox' }),
});
export type ResetSandboxRequest = z.infer<typeof resetSandboxRequestSchema>;

/** The whole sandbox's reset: `idle` before the first one since the server started. */
export interface SandboxResetReportDto {
  state: 'idle' | 'running' | 'done';
  projects: number;
  projectsDone: number;
  removed: number;
  remaining: number;
  tutorialsCleared: number;
  startedAt: string | null;
  finishedAt: string | null;
}
