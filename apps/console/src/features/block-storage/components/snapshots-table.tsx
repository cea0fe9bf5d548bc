import type { VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
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
  const snapshots = useVolumeSnapshots(projectId);
  const remove = useDeleteVolumeSnapshot(projectId);
  const [deleting, setDeleting] = useState<VolumeSnapshotDto | null>(null);
  const readOnly = canWrite ? undefined : t('common.viewerReadOnly');
  const statusReason = (snapshot: VolumeSnapshotDto) =>
    t('blockStorage.reason.busy', { status: t(`blockStorage.snapshots.status.${snapshot.status}` as MessageKey) });

  return (
    <Panel>
      <QueryList query={snapshots} columns={6} emptyMessage={t('blockStorage.snapshots.empty')}>
        {(items) => (
          <Table label={t('blockStorage.tab.snapshots')}>
            <THead>
              <Th>{t('common.name')}</Th>
              <Th>{t('blockStorage.snapshots.source')}</Th>
              <Th className="text-right">{t('blockStorage.size')}</Th>
              <Th>{t('blockStorage.type')}</Th>
              <Th>{t('blockStorage.zone')}</Th>
              <Th>{t('common.status')}</Th>
              <Th>{t('common.createdAt')}</Th>
              <ActionsTh />
            </THead>
            <TBody>
              {items.map((snapshot) => (
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
                  <TimeTd value={snapshot.createdAt} />
                  <Td className="text-right whitespace-nowrap">
                    <RowAction
                      aria-label={t('blockStorage.snapshots.createVolumeFor', { name: snapshot.name })}
                      disabledReason={readOnly ?? (snapshot.status === 'available' ? undefined : statusReason(snapshot))}
                      onClick={() => onCreateVolume(snapshot)}
                    >
                      {t('blockStorage.snapshots.createVolume')}
                    </RowAction>
                    <RowAction
                      danger
                      aria-label={t('blockStorage.snapshots.deleteFor', { name: snapshot.name })}
                      disabledReason={readOnly ?? (snapshot.status === 'available' || snapshot.status === 'error' ? undefined : statusReason(snapshot))}
                      onClick={() => setDeleting(snapshot)}
                    >
                      {t('common.delete')}
                    </RowAction>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryList>
      {deleting && (
        <ConfirmMutationDialog
          title={t('blockStorage.snapshots.deleteTitle')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={deleting.id}
          successMessage={t('blockStorage.snapshots.deleted', { name: deleting.name })}
          onSuccess={() => setDeleting(null)}
          onCancel={() => setDeleting(null)}
        >
          {t('blockStorage.snapshots.deleteConfirm', { name: deleting.name })}
        </ConfirmMutationDialog>
      )}
    </Panel>
  );
}
