import type { VolumeDto, VolumeSnapshotDto } from '@sandcloud/api-schemas';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../components/ui/confirm-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { Panel, Table, TBody, Td, Th, THead, TimeTd } from '../../../components/ui/table.tsx';
import { Tabs, useTabParam } from '../../../components/ui/tabs.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useDeleteVolume } from '../api/delete-volume.ts';
import { useVolumes } from '../api/get-volumes.ts';
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
  const volumes = useVolumes(projectId);
  const remove = useDeleteVolume(projectId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const items = volumes.data?.items ?? [];
  const selected = items.find((volume) => volume.id === selectedId);
  // Dialogs follow the live list, so a status change shows while they are open.
  const target = open && open.kind !== 'create' ? items.find((volume) => volume.id === open.volumeId) : undefined;
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
          <QueryList query={volumes} columns={7} emptyMessage={t('blockStorage.empty')}>
            {(list) => <VolumesTable projectId={projectId} volumes={list} selectedId={selected?.id ?? null} onSelect={setSelectedId} />}
          </QueryList>
        </Panel>
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

interface VolumesTableProps {
  projectId: string;
  volumes: VolumeDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

function VolumesTable({ projectId, volumes, selectedId, onSelect }: VolumesTableProps) {
  const t = useT();
  return (
    <Table label={t('menu.blockStorage')}>
      <THead>
        <Th className="w-10">
          <span className="sr-only">{t('blockStorage.selectFirst')}</span>
        </Th>
        <Th>{t('common.name')}</Th>
        <Th className="text-right">{t('blockStorage.size')}</Th>
        <Th>{t('blockStorage.type')}</Th>
        <Th>{t('blockStorage.zone')}</Th>
        <Th>{t('common.status')}</Th>
        <Th>{t('blockStorage.attachment')}</Th>
        <Th>{t('common.createdAt')}</Th>
      </THead>
      <TBody>
        {volumes.map((volume) => {
          const selected = volume.id === selectedId;
          return (
            <tr
              key={volume.id}
              aria-selected={selected}
              data-volume={volume.name}
              onClick={() => onSelect(volume.id)}
              className={`cursor-pointer ${selected ? 'bg-brand-50' : 'hover:bg-slate-50'}`}
            >
              <Td>
                <input
                  type="radio"
                  name="selected-volume"
                  className="accent-brand-500"
                  aria-label={t('blockStorage.select', { name: volume.name })}
                  checked={selected}
                  onChange={() => onSelect(volume.id)}
                />
              </Td>
              <Td className="font-medium">
                {volume.name}
                {volume.description && <div className="text-xs font-normal text-slate-500">{volume.description}</div>}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {volume.targetSizeGb ? t('blockStorage.sizeGrowing', { size: volume.sizeGb, target: volume.targetSizeGb }) : t('blockStorage.sizeValue', { size: volume.sizeGb })}
              </Td>
              <Td>{volume.volumeType}</Td>
              <Td>{volume.zone}</Td>
              <Td>
                <VolumeStatus status={volume.status} />
              </Td>
              <Td>
                {volume.attachment ? (
                  <span className="whitespace-nowrap">
                    <Link
                      className="text-brand-600 hover:underline"
                      to={paths.computeSection(projectId, `instances/${volume.attachment.instanceId}`)}
                      onClick={(event) => event.stopPropagation()}
                    >
                      {volume.attachment.instanceName}
                    </Link>{' '}
                    <span className="font-mono text-xs text-slate-600">({volume.attachment.device})</span>
                  </span>
                ) : null}
              </Td>
              <TimeTd value={volume.createdAt} />
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
