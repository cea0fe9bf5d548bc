import type { VolumeDto, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { VOLUME_STATUSES } from '@sandcloud/domain';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { BulkDeleteButton, ConfirmDeleteDialog, createdAtColumn, DataTable, useListParams, useRowSelection, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { Tabs, useTabParam } from '../../../components/ui/tabs.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useDeleteVolume } from '../api/delete-volume.ts';
import { useVolumePage } from '../api/get-volumes.ts';
import { CreateSnapshotDialog } from './create-snapshot-dialog.tsx';
import { CreateVolumeDialog } from './create-volume-dialog.tsx';
import { ExtendVolumeDialog } from './extend-volume-dialog.tsx';
import { ManageAttachmentDialog } from './manage-attachment-dialog.tsx';
import { SnapshotsTable } from './snapshots-table.tsx';
import { volumeActionDisabledReason } from './volume-availability.ts';
import { VolumeStatus } from './volume-status.tsx';

type Open =
  | { kind: 'create'; snapshot?: VolumeSnapshotDto }
  | { kind: 'manage' | 'extend' | 'snapshot' | 'delete'; volumeId: string }
  | { kind: 'bulk-delete' }
  | null;

const TABS = ['volumes', 'snapshots'] as const;

/**
 * Block Storage: the project's volumes with the "연결 정보" (attachment) column. Select one, then
 * `[연결관리]`, snapshot, extend or delete it; the Snapshot tab lists snapshots.
 */
export function BlockStoragePage() {
  const t = useT();
  const { projectId = '' } = useParams();
  const [tab, setTab] = useTabParam(TABS);
  const { canWrite, readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams(['status']);
  const volumes = useVolumePage(projectId, list.params);
  const remove = useDeleteVolume(projectId);
  const selection = useRowSelection<VolumeDto>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const items = volumes.data?.items ?? [];
  const selected = items.find((volume) => volume.id === selectedId);
  // Dialogs follow the live list, so a status change shows while they are open.
  const target = open && 'volumeId' in open ? items.find((volume) => volume.id === open.volumeId) : undefined;
  const columns = useVolumeColumns(projectId, selected?.id ?? null, setSelectedId);
  const reason = (action: Parameters<typeof volumeActionDisabledReason>[1]) => volumeActionDisabledReason(selected, action, canWrite, t);

  const createButton = (
    <Button data-tour="create-volume" variant="primary" disabledReason={readOnly} onClick={() => setOpen({ kind: 'create' })}>
      {t('blockStorage.create')}
    </Button>
  );
  const act = (kind: 'manage' | 'extend' | 'snapshot' | 'delete') => () => selected && setOpen({ kind, volumeId: selected.id });

  return (
    <div>
      <PageHeader title={t('menu.blockStorage')} description={t('blockStorage.description')} actions={createButton} />
      <Tabs
        label={t('blockStorage.tabs')}
        items={[
          { id: 'volumes', label: t('blockStorage.tab.volumes') },
          { id: 'snapshots', label: t('blockStorage.tab.snapshots') },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'snapshots' ? (
        <div role="tabpanel">
          <SnapshotsTable projectId={projectId} canWrite={canWrite} onCreateVolume={(snapshot) => setOpen({ kind: 'create', snapshot })} />
        </div>
      ) : (
        <Panel>
          <div role="toolbar" aria-label={t('blockStorage.tab.volumes')} className="flex flex-wrap gap-2 border-b border-slate-200 px-4 py-3">
            <Button disabledReason={reason('manage')} onClick={act('manage')}>
              {t('blockStorage.manage')}
            </Button>
            <Button disabledReason={reason('snapshot')} onClick={act('snapshot')}>
              {t('blockStorage.snapshot')}
            </Button>
            <Button disabledReason={reason('extend')} onClick={act('extend')}>
              {t('blockStorage.extend')}
            </Button>
            <Button variant="danger" disabledReason={reason('delete')} onClick={act('delete')}>
              {t('common.delete')}
            </Button>
          </div>
          <DataTable
            id="volumes"
            label={t('menu.blockStorage')}
            columns={columns}
            query={volumes}
            list={list}
            rowProps={(volume) => ({
              'aria-selected': volume.id === selected?.id,
              'data-volume': volume.name,
              // A click anywhere on the row picks it for the toolbar, except on its bulk-selection checkbox.
              onClick: (event) => {
                if (!(event.target instanceof HTMLInputElement && event.target.type === 'checkbox')) setSelectedId(volume.id);
              },
              className: `cursor-pointer ${volume.id === selected?.id ? 'bg-brand-50' : 'hover:bg-slate-50'}`,
            })}
            searchLabel={t('table.search')}
            selection={selection}
            toolbar={<BulkDeleteButton count={selection.rows.length} readOnly={readOnly} onClick={() => setOpen({ kind: 'bulk-delete' })} />}
            filters={[{ key: 'status', label: t('common.status'), options: VOLUME_STATUSES.map((status) => ({ value: status, label: status })) }]}
            emptyMessage={t('blockStorage.empty')}
          />
        </Panel>
      )}

      {open?.kind === 'bulk-delete' && (
        <ConfirmDeleteDialog
          items={selection.rows}
          remove={(id) => remove.mutateAsync(id)}
          onClose={close}
          onDone={(deleted) => {
            selection.clear();
            if (selectedId && deleted.includes(selectedId)) setSelectedId(null);
          }}
        />
      )}
      {open?.kind === 'create' && <CreateVolumeDialog projectId={projectId} snapshot={open.snapshot} onClose={close} />}
      {open?.kind === 'manage' && target && <ManageAttachmentDialog projectId={projectId} volume={target} onClose={close} />}
      {open?.kind === 'extend' && target && <ExtendVolumeDialog projectId={projectId} volume={target} onClose={close} />}
      {open?.kind === 'snapshot' && target && <CreateSnapshotDialog projectId={projectId} volume={target} onClose={close} />}
      {open?.kind === 'delete' && target && (
        <ConfirmMutationDialog
          title={t('blockStorage.deleteTitle')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={target.id}
          successMessage={t('blockStorage.deleted', { name: target.name })}
          onSuccess={() => {
            setSelectedId(null);
            close();
          }}
          onCancel={close}
        >
          {t('blockStorage.deleteConfirm', { name: target.name, size: target.sizeGb })}
        </ConfirmMutationDialog>
      )}
    </div>
  );
}

/** The volume list's columns; the first is the radio that picks the volume the toolbar acts on. */
function useVolumeColumns(projectId: string, selectedId: string | null, onSelect: (id: string) => void): ListColumn<VolumeDto, 'volumes'>[] {
  const t = useT();
  return useMemo(
    () => [
      {
        id: 'select',
        header: t('blockStorage.selectFirst'),
        headerHidden: true,
        hideable: false,
        className: 'w-10',
        cell: (volume) => (
          <input
            type="radio"
            name="selected-volume"
            className="accent-brand-500"
            aria-label={t('blockStorage.select', { name: volume.name })}
            checked={volume.id === selectedId}
            onChange={() => onSelect(volume.id)}
          />
        ),
      },
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        className: 'font-medium',
        cell: (volume) => (
          <>
            {volume.name}
            {volume.readOnly && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('blockStorage.readOnly')}</span>}
            {volume.description && <div className="text-xs font-normal text-slate-500">{volume.description}</div>}
            {volume.sourceImage && <div className="text-xs font-normal text-slate-500">{t('blockStorage.fromImage', { name: volume.sourceImage.name })}</div>}
          </>
        ),
      },
      {
        id: 'size',
        header: t('blockStorage.size'),
        sortField: 'sizeGb',
        className: 'text-right tabular-nums whitespace-nowrap',
        headerClassName: 'text-right',
        cell: (volume) =>
          volume.targetSizeGb ? t('blockStorage.sizeGrowing', { size: volume.sizeGb, target: volume.targetSizeGb }) : t('blockStorage.sizeValue', { size: volume.sizeGb }),
      },
      { id: 'type', header: t('blockStorage.type'), sortField: 'volumeType', cell: (volume) => volume.volumeType },
      { id: 'zone', header: t('blockStorage.zone'), sortField: 'zone', cell: (volume) => volume.zone },
      { id: 'status', header: t('common.status'), sortField: 'status', cell: (volume) => <VolumeStatus status={volume.status} /> },
      {
        id: 'attachment',
        header: t('blockStorage.attachment'),
        cell: (volume) =>
          volume.attachment ? (
            <span className="whitespace-nowrap">
              <Link
                className="text-brand-600 hover:underline"
                to={routes.instance({ projectId, instanceId: volume.attachment.instanceId })}
                onClick={(event) => event.stopPropagation()}
              >
                {volume.attachment.instanceName}
              </Link>{' '}
              <span className="font-mono text-xs text-slate-600">({volume.attachment.device})</span>
              {volume.bootOf && <span className="ml-1 text-xs text-slate-500">· {t('blockStorage.rootDisk')}</span>}
            </span>
          ) : null,
      },
      createdAtColumn(t),
    ],
    [t, projectId, selectedId, onSelect],
  );
}
