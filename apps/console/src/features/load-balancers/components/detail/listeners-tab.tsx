import type { LoadBalancerDto, LoadBalancerListenerDto } from '@sandcloud/api-schemas';
import { useCallback, useMemo, useState } from 'react';
import { ConfirmDeleteDialog, DataTable, RowActions, useListParams, type ListColumn } from '../../../../components/data-table/index.ts';
import { Button } from '../../../../components/ui/button.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { Panel, PanelHeader } from '../../../../components/ui/table.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../../lib/i18n/use-format.ts';
import { useDeleteListener } from '../../api/delete-listener.ts';
import { useListenerPage } from '../../api/get-listeners.ts';
import { blockedReason } from '../format.ts';
import { LoadBalancerWizard } from '../wizard/load-balancer-wizard.tsx';
import { ListenerSettingsDialog } from './listener-settings-dialog.tsx';

type Open = { kind: 'add' } | { kind: 'settings'; listener: LoadBalancerListenerDto } | { kind: 'delete'; listener: LoadBalancerListenerDto } | null;

/** The Listeners tab's view in the URL (`listeners.sort=…`), apart from the Instance tab's. */
export const LISTENERS_PREFIX = 'listeners.';

/** Listeners: each protocol and port the load balancer accepts, its pool's algorithm and options, on the shared table. */
export function ListenersTab({ projectId, loadBalancer, readOnly }: { projectId: string; loadBalancer: LoadBalancerDto; readOnly: string | undefined }) {
  const t = useT();
  const format = useFormat();
  const list = useListParams([], LISTENERS_PREFIX);
  const listeners = useListenerPage(projectId, loadBalancer.id, list.params);
  const remove = useDeleteListener(projectId, loadBalancer.id);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const busy = readOnly ?? blockedReason(loadBalancer, 'update', t);

  const columns = useMemo(
    (): ListColumn<LoadBalancerListenerDto, 'load-balancer-listeners'>[] => [
      {
        id: 'name',
        header: t('lb.field.listener'),
        sortField: 'name',
        hideable: false,
        className: 'font-medium whitespace-nowrap',
        cell: (listener) => (
          <>
            {listener.name}
            {listener.certificate && (
              <div className="text-xs font-normal text-slate-500" title={listener.certificate.fingerprint256}>
                {t('lb.certificateOf', { subject: listener.certificate.subject, until: format.date(listener.certificate.notAfter) })}
              </div>
            )}
          </>
        ),
      },
      { id: 'memberPort', header: t('lb.field.instancePort'), className: 'tabular-nums', cell: (listener) => listener.pool.memberPort },
      { id: 'algorithm', header: t('lb.field.algorithm'), cell: (listener) => listener.pool.lbAlgorithm },
      {
        id: 'persistence',
        header: t('lb.field.persistence'),
        cell: ({ pool }) =>
          pool.sessionPersistence ? `${pool.sessionPersistence.type}${pool.sessionPersistence.cookieName ? ` (${pool.sessionPersistence.cookieName})` : ''}` : t('lb.persistence.none'),
      },
      { id: 'connectionLimit', header: t('lb.field.connectionLimit'), className: 'text-right tabular-nums', headerClassName: 'text-right', cell: (listener) => listener.connectionLimit },
      { id: 'keepAlive', header: t('lb.field.keepAlive'), className: 'text-right tabular-nums', headerClassName: 'text-right', cell: (listener) => listener.keepAliveTimeoutSeconds },
      {
        id: 'allowedCidrs',
        header: t('lb.field.allowedCidrs'),
        className: 'font-mono text-xs',
        cell: (listener) => (listener.allowedCidrs.length > 0 ? listener.allowedCidrs.join(', ') : t('lb.allowedCidrs.all')),
      },
      {
        id: 'status',
        header: t('common.status'),
        cell: (listener) => (
          <span className="inline-flex gap-1.5">
            <StatusBadge status={listener.provisioningStatus} />
            <StatusBadge status={listener.operatingStatus} />
          </span>
        ),
      },
    ],
    [t, format],
  );

  return (
    <Panel>
      <PanelHeader title={t('lb.tab.listeners')}>
        <Button variant="primary" disabledReason={busy} onClick={() => setOpen({ kind: 'add' })}>
          {t('lb.addListener')}
        </Button>
      </PanelHeader>
      <DataTable
        id="load-balancer-listeners"
        label={t('lb.tab.listeners')}
        columns={columns}
        query={listeners}
        list={list}
        searchLabel={t('table.search')}
        actions={(listener) => (
          <RowActions
            name={listener.name}
            actions={[
              { label: t('lb.listenerSettings'), disabledReason: busy, onSelect: () => setOpen({ kind: 'settings', listener }) },
              {
                label: t('common.delete'),
                danger: true,
                disabledReason: busy ?? (loadBalancer.listeners.length <= 1 ? t('lb.lastListener') : undefined),
                onSelect: () => setOpen({ kind: 'delete', listener }),
              },
            ]}
          />
        )}
        emptyMessage={t('lb.addListener')}
      />
      {open?.kind === 'add' && <LoadBalancerWizard projectId={projectId} loadBalancer={loadBalancer} onClose={close} />}
      {open?.kind === 'settings' && <ListenerSettingsDialog projectId={projectId} loadBalancer={loadBalancer} listener={open.listener} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmDeleteDialog
          title={t('lb.deleteListenerTitle')}
          items={[{ id: open.listener.id, name: open.listener.name }]}
          remove={(id) => remove.mutateAsync(id)}
          onClose={close}
          onDone={() => undefined}
        />
      )}
    </Panel>
  );
}
