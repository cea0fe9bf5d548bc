import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClassroomDto, EnrollClassroomRequest, EnrollClassroomResultDto, LearnerProgressDto } from '@sandcloud/api-schemas';
import { api } from '../../../lib/api-client.ts';

// Classrooms are the administrator's, not a project's: their keys stand apart. The teacher's view
// is re-read every few seconds (learners' progress events reach the teacher as a member of each
// project; the short interval also follows hints without events).

const classroomsKey = ['classrooms'] as const;

export const useClassrooms = (enabled: boolean) =>
  useQuery({ queryKey: classroomsKey, queryFn: () => api.get<{ items: ClassroomDto[] }>('/classrooms'), enabled });

export const useClassroomProgress = (classroomId: string | null) =>
  useQuery({
    queryKey: [...classroomsKey, classroomId, 'progress'],
    queryFn: () => api.get<{ items: LearnerProgressDto[] }>(`/classrooms/${classroomId}/progress`),
    enabled: classroomId !== null,
    refetchInterval: 3_000,
  });

export function useEnrollClassroom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrollClassroomRequest) => api.post<EnrollClassroomResultDto>('/classrooms', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: classroomsKey }),
  });
}
