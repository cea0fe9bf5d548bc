import type { TutorialHintDto } from '@sandcloud/api-schemas';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';

// Shared by the panel and the teacher's table (classroom).

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

export function useHintText(): (hint: TutorialHintDto) => string {
  const { t } = useI18n();
  return (hint) => t(`tutorial.hint.${hint.code}` as MessageKey, hint.params);
}
