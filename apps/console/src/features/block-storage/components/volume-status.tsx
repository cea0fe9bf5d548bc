import type { VolumeDto, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { StatusBadge } from '../../../components/ui/status-badge.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';

/** A volume's Cinder status with its translated label; `data-status` keeps the raw one for tests. */
export function VolumeStatus({ status }: { status: VolumeDto['status'] }) {
  const t = useT();
  return <StatusBadge status={status} label={t(`blockStorage.status.${status}` as MessageKey)} />;
}

export function SnapshotStatus({ status }: { status: VolumeSnapshotDto['status'] }) {
  const t = useT();
  return <StatusBadge status={status} label={t(`blockStorage.snapshots.status.${status}` as MessageKey)} />;
}
