import type { ImageDto } from '@sandcloud/api-schemas';
import { IMAGE_STATUSES } from '@sandcloud/domain';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';

/** Glance status (queued → saving → active) with its translated label; `data-status` keeps the raw one. */
export function ImageStatus({ status }: { status: ImageDto['status'] }) {
  const t = useT();
  const key = `images.status.${status}` as MessageKey;
  return <StatusBadge status={status} label={IMAGE_STATUSES.includes(status) ? t(key) : status} />;
}
