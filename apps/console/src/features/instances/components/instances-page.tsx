import type { InstanceDto } from '@sandcloud/api-schemas';
import { INSTANCE_STATUSES } from '@sandcloud/domain';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DataTable, useListParams, useRowSelection, type ListColumn } from '../../../components/data-table/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import type { BulkAction } from '../api/bulk-instance-action.ts';
import { useFlavors } from '../api/get-flavors.ts';
import { useInstancePage } from '../api/get-instances.ts';
import { BulkActionDialog } from './bulk-action-dialog.tsx';
import { formatRam } from './format.ts';
import { InstanceActionMenu } from './instance-action-menu.tsx';
import { InstanceAddress } from './instance-address.tsx';
import { InstanceStatus } from './instance-status.tsx';

const BULK_ACTIONS: BulkAction[] = ['start', 'stop', 'reboot', 'delete'];
const BULK_LABELS = { start: 'instances.bulk.start', stop: 'instances.bulk.stop', reboot: 'instances.bulk.reboot', delete: 'instances.bulk.delete' } as const;
const FILTER_KEYS = ['status', 'zone'] as const;

/** Instance: the list with filters, checkbox actions and each row's `[추가기능]`; sorted, searched and paged by the server. */
export function InstancesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '' } = useParams();
  const { canWrite, readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const list = useListParams(FILTER_KEYS);
  const instances = useInstancePage(projectId, list.params);
  const flavors = useFlavors(projectId);
  const selection = useRowSelection<InstanceDto>();
  const [bulkAction, setBulkAction] = useState<BulkAction | null>(null);
  const newPath = routes.newInstance({ projectId });

  // A selected instance's row on the current page is fresher than the one remembered at selection.
  const pageById = useMemo(() => new Map((instances.data?.items ?? []).map((instance) => [instance.id, instance])), [instances.data]);
  const selected = selection.rows.map((instance) => pageById.get(instance.id) ?? instance);
  const eligibleFor = (action: BulkAction) => selected.filter((instance) => instance.allowedActions.includes(action));
  const bulkReason = (action: BulkAction) => {
    if (readOnly) return readOnly;
    if (selected.length === 0) return t('instances.reason.selectFirst');
    if (eligibleFor(action).length === 0) return t('instances.reason.noneEligible');
    return undefined;
  };

  const columns = useMemo((): ListColumn<InstanceDto, 'instances'>[] => {
    const flavorName = (instance: InstanceDto) => flavors.data?.items.find((flavor) => flavor.id === instance.flavorId)?.name ?? instance.flavorId;
    return [
      { id: 'status', header: t('common.status'), sortField: 'status', cell: (instance) => <InstanceStatus instance={instance} stacked /> },
      {
        id: 'name',
        header: t('common.name'),
        sortField: 'name',
        hideable: false,
        className: 'whitespace-nowrap',
        cell: (instance) => (
          <Link className="font-medium text-brand-600 hover:underline" to={routes.instance({ projectId, instanceId: instance.id })}>
            {instance.name}
          </Link>
        ),
      },
      { id: 'privateIp', header: t('instances.privateIp'), sortField: 'privateIp', cell: (instance) => <InstanceAddress ip={instance.privateIp} label={t('instances.privateIp')} /> },
      { id: 'floatingIp', header: t('instances.floatingIp'), sortField: 'floatingIp', cell: (instance) => <InstanceAddress ip={instance.floatingIp} label={t('instances.floatingIp')} /> },
      {
        id: 'flavor',
        header: t('instances.flavor'),
        sortField: 'flavor',
        className: 'whitespace-nowrap',
        cell: (instance) => (
          <>
            <div>{flavorName(instance)}</div>
            <div className="text-xs text-slate-500">{t('instances.flavorSpec', { vcpus: instance.vcpus, ram: formatRam(instance.ramMb) })}</div>
          </>
        ),
      },
      {
        id: 'image',
        header: t('instances.image'),
        sortField: 'image',
        className: 'max-w-[12rem] truncate',
        cell: (instance) => <span title={instance.imageName}>{instance.imageName}</span>,
      },
      { id: 'zone', header: t('instances.zone'), sortField: 'zone', className: 'whitespace-nowrap', cell: (instance) => instance.zone },
      { id: 'keyName', header: t('instances.keyPair'), sortField: 'keyName', cell: (instance) => instance.keyName || <span className="text-slate-300">—</span> },
    ];
  }, [t, projectId, flavors.data]);

  const createButton = (
    <Button data-tour="create-instance" variant="primary" disabledReason={readOnly} onClick={() => void navigate(newPath)}>
      {t('instances.create')}
    </Button>
  );

  const toolbar = BULK_ACTIONS.map((action) => (
    <Button key={action} variant={action === 'delete' ? 'ghost' : 'secondary'} className={action === 'delete' ? 'text-red-600' : ''} disabledReason={bulkReason(action)} onClick={() => setBulkAction(action)}>
      {t(BULK_LABELS[action])}
    </Button>
  ));

  return (
    <div>
      <PageHeader title={t('menu.instances')} description={t('instances.description')} actions={createButton} />
      <Panel>
        <DataTable
          id="instances"
          label={t('menu.instances')}
          columns={columns}
          query={instances}
          list={list}
          rowProps={(instance) => ({ 'data-instance': instance.name })}
          searchLabel={t('instances.filterName')}
          filters={[
            { key: 'status', label: t('instances.filterStatus'), options: INSTANCE_STATUSES.map((status) => ({ value: status, label: status })) },
          ]}
          selection={selection}
          toolbar={toolbar}
          actions={(instance) => <InstanceActionMenu projectId={projectId} instance={instance} canWrite={canWrite} />}
          emptyMessage={t('instances.empty')}
          emptyAction={createButton}
        />
      </Panel>
      {bulkAction && (
        <BulkActionDialog
          projectId={projectId}
          action={bulkAction}
          eligible={eligibleFor(bulkAction)}
          skipped={selected.length - eligibleFor(bulkAction).length}
          onClose={() => setBulkAction(null)}
          onDone={() => {
            setBulkAction(null);
            selection.clear();
          }}
        />
      )}
    </div>
  );
}
