import type { VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { useMemo, useState } from 'react';
import { BulkDeleteButton, ConfirmDeleteDialog, createdAtColumn, DataTable, useListParams, useRowSelection, type ListColumn } from '../../../components/data-table/index.ts';
import { RowAction } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDeleteVolumeSnapshot } from '../api/delete-volume-snapshot.ts';
import { useVolumeSnapshotPage } from '../api/get-volume-snapshots.ts';
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
  const list = useListParams([], 'snapshots.');
  const snapshots = useVolumeSnapshotPage(projectId, list.params);
  const selection = useRowSelection<VolumeSnapshotDto>();
  const [bulkDelete, setBulkDelete] = useState(false);
  const remove = useDeleteVolumeSnapshot(projectId);
  const [deleting, setDeleting] = useState<VolumeSnapshotDto | null>(null);
  const readOnly = canWrite ? undefined : t('common.viewerReadOnly');
  const statusReason = (snapshot: VolumeSnapshotDto) =>
    t('blockStorage.reason.busy', { status: t(`blockStorage.snapshots.status.${snapshot.status}` as MessageKey) });

  const columns = useMemo(
    (): ListColumn<VolumeSnapshotDto, 'volume-snapshots'>[] => [
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        className: 'font-medium',
        cell: (snapshot) => (
          <>
            {snapshot.name}
            {snapshot.description && <div className="text-xs font-normal text-slate-500">{snapshot.description}</div>}
          </>
        ),
      },
      { id: 'source', header: t('blockStorage.snapshots.source'), sortField: 'volumeName', cell: (snapshot) => snapshot.volumeName },
      {
        id: 'size',
        header: t('blockStorage.size'),
        sortField: 'sizeGb',
        className: 'text-right tabular-nums',
        headerClassName: 'text-right',
        cell: (snapshot) => t('blockStorage.sizeValue', { size: snapshot.sizeGb }),
      },
      { id: 'type', header: t('blockStorage.type'), cell: (snapshot) => snapshot.volumeType },
      { id: 'zone', header: t('blockStorage.zone'), cell: (snapshot) => snapshot.zone },
      { id: 'status', header: t('common.status'), sortField: 'status', cell: (snapshot) => <SnapshotStatus status={snapshot.status} /> },
      createdAtColumn(t),
    ],
    [t],
  );

  return (
    <Panel>
      <DataTable
        id="volume-snapshots"
        label={t('blockStorage.tab.snapshots')}
        columns={columns}
        query={snapshots}
        list={list}
        searchLabel={t('table.search')}
        selection={selection}
        toolbar={
          <BulkDeleteButton count={selection.rows.length} readOnly={readOnly} onClick={() => setBulkDelete(true)} />
        }
        actions={(snapshot) => (
          <>
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
          </>
        )}
        emptyMessage={t('blockStorage.snapshots.empty')}
      />
      {bulkDelete && (
        <ConfirmDeleteDialog
          title={t('blockStorage.snapshots.deleteTitle')}
          items={selection.rows}
          remove={(id) => remove.mutateAsync(id)}
          onClose={() => setBulkDelete(false)}
          onDone={() => selection.clear()}
        />
      )}
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
