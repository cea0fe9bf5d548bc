import type { InstanceDto } from '@sandcloud/api-schemas';
import { INSTANCE_STATUSES } from '@sandcloud/domain';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { inputClass } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { QueryList } from '../../../components/ui/query-list.tsx';
import { ActionsTh, Panel, Table, TBody, Td, Th, THead } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import type { BulkAction } from '../api/bulk-instance-action.ts';
import { useFlavors } from '../api/get-flavors.ts';
import { useInstances } from '../api/get-instances.ts';
import { BulkActionDialog } from './bulk-action-dialog.tsx';
import { formatRam } from './format.ts';
import { InstanceActionMenu } from './instance-action-menu.tsx';
import { InstanceAddress } from './instance-address.tsx';
import { InstanceStatus } from './instance-status.tsx';

const STATUS_FILTERS = INSTANCE_STATUSES;
const BULK_ACTIONS: BulkAction[] = ['start', 'stop', 'delete'];
const BULK_LABELS = { start: 'instances.bulk.start', stop: 'instances.bulk.stop', delete: 'instances.bulk.delete' } as const;

/** Instance: the list with filters, checkbox actions and each row's `[추가기능]`. */
export function InstancesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '' } = useParams();
  const { canWrite, readOnlyReason: readOnly } = useProjectPermissions(projectId);
  const instances = useInstances(projectId);
  const flavors = useFlavors(projectId);
  const [nameFilter, setNameFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [bulkAction, setBulkAction] = useState<BulkAction | null>(null);
  const newPath = paths.computeSection(projectId, 'instances/new');

  const all = useMemo(() => instances.data?.items ?? [], [instances.data]);
  const visible = useMemo(() => {
    const needle = nameFilter.trim().toLowerCase();
    return all.filter((instance) => (!needle || instance.name.toLowerCase().includes(needle)) && (!statusFilter || instance.status === statusFilter));
  }, [all, nameFilter, statusFilter]);
  // Instances that disappeared (deleted) drop out of the selection by themselves.
  const selected = all.filter((instance) => selectedIds.has(instance.id));
  const visibleSelected = visible.filter((instance) => selectedIds.has(instance.id)).length;
  const flavorName = (instance: InstanceDto) => flavors.data?.items.find((flavor) => flavor.id === instance.flavorId)?.name ?? instance.flavorId;

  const toggle = (id: string, checked: boolean) =>
    setSelectedIds((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (checked: boolean) => setSelectedIds(checked ? new Set(visible.map((instance) => instance.id)) : new Set());

  const eligibleFor = (action: BulkAction) => selected.filter((instance) => instance.allowedActions.includes(action));
  const bulkReason = (action: BulkAction) => {
    if (readOnly) return readOnly;
    if (selected.length === 0) return t('instances.reason.selectFirst');
    if (eligibleFor(action).length === 0) return t('instances.reason.noneEligible');
    return undefined;
  };

  const createButton = (
    <Button data-tour="create-instance" variant="primary" disabledReason={readOnly} onClick={() => void navigate(newPath)}>
      {t('instances.create')}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t('menu.instances')} description={t('instances.description')} actions={createButton} />
      <Panel>
        <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-3">
          {BULK_ACTIONS.map((action) => (
            <Button key={action} variant={action === 'delete' ? 'ghost' : 'secondary'} className={action === 'delete' ? 'text-red-600' : ''} disabledReason={bulkReason(action)} onClick={() => setBulkAction(action)}>
              {t(BULK_LABELS[action])}
            </Button>
          ))}
          <span className="ml-1 text-xs text-slate-500" aria-live="polite">
            {selected.length > 0 ? t('instances.selected', { count: selected.length }) : ''}
          </span>
          <div className="ml-auto flex items-center gap-2">
            <input
              type="search"
              aria-label={t('instances.filterName')}
              placeholder={t('instances.filterName')}
              className={`${inputClass} w-56`}
              value={nameFilter}
              onChange={(event) => setNameFilter(event.target.value)}
            />
            <select aria-label={t('instances.filterStatus')} className={`${inputClass} w-40`} value={statusFilter} onChange={(event) => setStatusFilter(event.target.value)}>
              <option value="">{t('instances.allStatuses')}</option>
              {STATUS_FILTERS.map((status) => (
                <option key={status} value={status}>
                  {status}
                </option>
              ))}
            </select>
          </div>
        </div>

        <QueryList query={instances} rows={4} columns={8} emptyMessage={t('instances.empty')} emptyAction={createButton}>
          {() =>
            visible.length === 0 ? (
              <EmptyState
                message={t('instances.noMatch')}
                action={
                  <Button
                    onClick={() => {
                      setNameFilter('');
                      setStatusFilter('');
                    }}
                  >
                    {t('instances.clearFilter')}
                  </Button>
                }
              />
            ) : (
              <Table label={t('menu.instances')}>
                <THead>
                  <Th className="w-10">
                    <Checkbox
                      aria-label={t('instances.selectAll')}
                      checked={visibleSelected > 0 && visibleSelected === visible.length}
                      indeterminate={visibleSelected > 0 && visibleSelected < visible.length}
                      onChange={(event) => toggleAll(event.target.checked)}
                    />
                  </Th>
                  <Th>{t('common.status')}</Th>
                  <Th>{t('common.name')}</Th>
                  <Th>{t('instances.privateIp')}</Th>
                  <Th>{t('instances.floatingIp')}</Th>
                  <Th>{t('instances.flavor')}</Th>
                  <Th>{t('instances.image')}</Th>
                  <Th>{t('instances.zone')}</Th>
                  <Th>{t('instances.keyPair')}</Th>
                  <ActionsTh />
                </THead>
                <TBody>
                  {visible.map((instance) => (
                    <tr key={instance.id} data-instance={instance.name} className={selectedIds.has(instance.id) ? 'bg-brand-50/60' : 'hover:bg-slate-50'}>
                      <Td>
                        <Checkbox
                          aria-label={t('instances.selectRow', { name: instance.name })}
                          checked={selectedIds.has(instance.id)}
                          onChange={(event) => toggle(instance.id, event.target.checked)}
                        />
                      </Td>
                      <Td>
                        <InstanceStatus instance={instance} stacked />
                      </Td>
                      <Td className="whitespace-nowrap">
                        <Link className="font-medium text-brand-600 hover:underline" to={paths.computeSection(projectId, `instances/${instance.id}`)}>
                          {instance.name}
                        </Link>
                      </Td>
                      <Td>
                        <InstanceAddress ip={instance.privateIp} label={t('instances.privateIp')} />
                      </Td>
                      <Td>
                        <InstanceAddress ip={instance.floatingIp} label={t('instances.floatingIp')} />
                      </Td>
                      <Td className="whitespace-nowrap">
                        <div>{flavorName(instance)}</div>
                        <div className="text-xs text-slate-500">
                          {t('instances.flavorSpec', { vcpus: instance.vcpus, ram: formatRam(instance.ramMb) })}
                        </div>
                      </Td>
                      <Td className="max-w-[12rem] truncate" title={instance.imageName}>
                        {instance.imageName}
                      </Td>
                      <Td className="whitespace-nowrap">{instance.zone}</Td>
                      <Td>{instance.keyName || <span className="text-slate-300">—</span>}</Td>
                      <Td className="text-right">
                        <InstanceActionMenu projectId={projectId} instance={instance} canWrite={canWrite} />
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )
          }
        </QueryList>
        {all.length > 0 && (
          <div className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{t('instances.count', { shown: visible.length, total: all.length })}</div>
        )}
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
            setSelectedIds(new Set());
          }}
        />
      )}
    </div>
  );
}
