import {
  TUTORIAL_CHECKS,
  TUTORIAL_SCREENS,
  type TutorialDefinition,
  type TutorialHint,
  type TutorialHintLink,
  type TutorialProgressStatus,
  type TutorialText,
} from '@sandcloud/domain';
import { z } from 'zod';

// A tutorial file (`tutorials/*.json`), validated when the server starts: a teacher's mistake is
// named with its path ("steps.3.check.kind: …") and the server refuses to start with it.

const text = z.strictObject({
  ko: z.string().trim().min(1, 'Write the Korean text'),
  en: z.string().trim().min(1, 'Write the English text'),
});
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and dashes (at most 63)');

export const tutorialDefinitionSchema = z.strictObject({
  id,
  version: z.number().int().min(1),
  title: text,
  summary: text,
  steps: z
    .array(
      z.strictObject({
        id,
        title: text,
        body: text,
        check: z.strictObject({
          kind: z.enum(TUTORIAL_CHECKS),
          port: z.number().int().min(1).max(65_535).optional(),
          count: z.number().int().min(1).max(20).optional(),
        }),
        target: z
          .strictObject({
            tour: z.string().regex(/^[a-z0-9-]+$/, 'A data-tour value: lower-case letters, digits and dashes').optional(),
            selector: z.string().min(1).max(200).optional(),
            screen: z.enum(TUTORIAL_SCREENS).optional(),
          })
          .optional(),
      }),
    )
    .min(1, 'A tutorial has at least one step'),
}) satisfies z.ZodType<TutorialDefinition>;

/** `POST /api/projects/:id/tutorials/:tutorialId/start` takes nothing: it starts (over). */
export const startTutorialRequestSchema = z.strictObject({});

export interface TutorialHintDto {
  code: TutorialHint;
  params: Record<string, string | number>;
  links: TutorialHintLink[];
}

export interface TutorialStepProgressDto {
  id: string;
  done: boolean;
  completedAt: string | null;
  durationMs: number | null;
  hint: TutorialHintDto | null;
}

export interface TutorialProgressDto {
  id: string;
  projectId: string;
  projectName: string;
  tutorialId: string;
  userId: string;
  username: string;
  status: TutorialProgressStatus;
  startedAt: string;
  completedAt: string | null;
  currentStepId: string | null;
  /** The current step's title (ko/en), for views without the tutorial's definition (the teacher's). */
  currentStepTitle: TutorialText | null;
  openSince: string;
  steps: TutorialStepProgressDto[];
}

/** A tutorial as the panel shows it, with the signed-in user's progress (null before the start). */
export interface TutorialDto {
  definition: TutorialDefinition;
  progress: TutorialProgressDto | null;
}
