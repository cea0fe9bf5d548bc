import { z } from 'zod';
import { updateQuotasRequestSchema } from './quotas.ts';
import type { TutorialProgressDto } from './tutorials.ts';

/**
 * `POST /api/classrooms`: a CSV of learners (name, e-mail or login; a header row names the columns)
 * and, optionally, a prepared state: a project of the teacher's whose state every learner's project
 * starts from, or a state document small enough for the API's body.
 */
export const enrollClassroomRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the classroom').max(63, 'At most 63 characters'),
  csv: z.string().min(1, 'Paste or upload the CSV of learners').max(200_000, 'The CSV is larger than 200 KB'),
  templateProjectId: z.string().min(1).optional(),
  state: z.record(z.string(), z.unknown()).optional(),
  /** Limits every learner's project gets; the quotas not named keep the defaults. */
  quotas: updateQuotasRequestSchema.optional(),
});
export type EnrollClassroomRequest = z.infer<typeof enrollClassroomRequestSchema>;

export interface ClassroomLearnerDto {
  name: string;
  email: string | null;
  username: string;
  userId: string;
  projectId: string;
  projectName: string;
}

export interface ClassroomDto {
  id: string;
  name: string;
  createdAt: string;
  learners: ClassroomLearnerDto[];
}

/** The answer to an enrolment: the initial passwords are in it once, and nowhere else. */
export interface EnrollClassroomResultDto {
  classroom: ClassroomDto;
  passwords: { username: string; password: string }[];
}

export interface LearnerProgressDto {
  learner: ClassroomLearnerDto;
  tutorials: TutorialProgressDto[];
}
