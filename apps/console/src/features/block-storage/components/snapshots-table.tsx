import type { VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Panel, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDeleteVolumeSnapshot } from '../api/delete-volume-snapshot.ts';
import { useVolumeSnapshots } from '../api/get-volume-snapshots.ts';
import { SnapshotStatus } from './volume-status.tsx';

interface SnapshotsTableProps {
  projectId: string;
  canWrite: boolean;
  /** Opens the create dialog prefilled from the snapshot. */
  onCreateVolume: (snapshot: VolumeSnapshotDto) => void;
}

/** The Snapshot tab: each snapshot can become a new volume (at least its size) or be deleted. */
export function SnapshotsTable({ projectId, canWrite, onCreateVolume }: SnapshotsTableProps) {
  const t = useT();
  const toast = useToast();
  const snapshots = useVolumeSnapshots(projectId);
  const remove = useDeleteVolumeSnapshot(projectId);
  const [deleting, setDeleting] = useState<VolumeSnapshotDto | null>(null);
  const readOnly = canWrite ? undefined : t('common.viewerReadOnly');
  const statusReason = (snapshot: VolumeSnapshotDto) =>
    t('blockStorage.reason.busy', { status: t(`blockStorage.snapshots.status.${snapshot.status}` as MessageKey) });

  return (
    <Panel>
      {snapshots.isPending ? (
        <SkeletonRows columns={6} />
      ) : snapshots.isError ? (
        <EmptyState message={errorMessage(snapshots.error)} action={<Button onClick={() => void snapshots.refetch()}>{t('common.retry')}</Button>} />
      ) : snapshots.data.items.length === 0 ? (
        <EmptyState message={t('blockStorage.snapshots.empty')} />
      ) : (
        <Table label={t('blockStorage.tab.snapshots')}>
          <THead>
            <Th>{t('common.name')}</Th>
            <Th>{t('blockStorage.snapshots.source')}</Th>
            <Th className="text-right">{t('blockStorage.size')}</Th>
            <Th>{t('blockStorage.type')}</Th>
            <Th>{t('blockStorage.zone')}</Th>
            <Th>{t('common.status')}</Th>
            <Th>{t('common.createdAt')}</Th>
            <Th className="text-right">
              <span className="sr-only">{t('common.actions')}</span>
            </Th>
          </THead>
          <TBody>
            {snapshots.data.items.map((snapshot) => (
              <tr key={snapshot.id} className="hover:bg-slate-50">
                <Td className="font-medium">
                  {snapshot.name}
                  {snapshot.description && <div className="text-xs font-normal text-slate-500">{snapshot.description}</div>}
                </Td>
                <Td>{snapshot.volumeName}</Td>
                <Td className="text-right tabular-nums">{t('blockStorage.sizeValue', { size: snapshot.sizeGb })}</Td>
                <Td>{snapshot.volumeType}</Td>
                <Td>{snapshot.zone}</Td>
                <Td>
                  <SnapshotStatus status={snapshot.status} />
                </Td>
                <Td className="whitespace-nowrap text-slate-500">{new Date(snapshot.createdAt).toLocaleString()}</Td>
                <Td className="text-right whitespace-nowrap">
                  <Button
                    variant="ghost"
                    className="text-xs"
                    aria-label={t('blockStorage.snapshots.createVolumeFor', { name: snapshot.name })}
                    disabledReason={readOnly ?? (snapshot.status === 'available' ? undefined : statusReason(snapshot))}
                    onClick={() => onCreateVolume(snapshot)}
                  >
                    {t('blockStorage.snapshots.createVolume')}
                  </Button>
                  <Button
                    variant="ghost"
                    className="text-xs text-red-600"
                    aria-label={t('blockStorage.snapshots.deleteFor', { name: snapshot.name })}
                    disabledReason={readOnly ?? (snapshot.status === 'available' || snapshot.status === 'error' ? undefined : statusReason(snapshot))}
                    onClick={() => setDeleting(snapshot)}
                  >
                    {t('common.delete')}
                  </Button>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('blockStorage.snapshots.deleteTitle')}
          confirmLabel={t('common.delete')}
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                toast.success(t('blockStorage.snapshots.deleted', { name: deleting.name }));
                setDeleting(null);
              },
              onError: (error) => toast.error(errorMessage(error)),
            })
          }
        >
          {t('blockStorage.snapshots.deleteConfirm', { name: deleting.name })}
        </ConfirmDialog>
      )}
    </Panel>
  );
}
