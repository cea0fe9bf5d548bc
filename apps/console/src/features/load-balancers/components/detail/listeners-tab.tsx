import type { LoadBalancerDto, LoadBalancerListenerDto } from '@sandcloud/api-schemas';
import { useCallback, useState } from 'react';
import { Button, RowAction } from '../../../../components/ui/button.tsx';
import { ConfirmMutationDialog } from '../../../../components/ui/confirm-dialog.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { ActionsTh, Panel, PanelHeader, Table, TBody, Td, Th, THead } from '../../../../components/ui/table.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useFormat } from '../../../../lib/i18n/use-format.ts';
import { useDeleteListener } from '../../api/delete-listener.ts';
import { blockedReason } from '../format.ts';
import { LoadBalancerWizard } from '../wizard/load-balancer-wizard.tsx';
import { ListenerSettingsDialog } from './listener-settings-dialog.tsx';

type Open = { kind: 'add' } | { kind: 'settings'; listener: LoadBalancerListenerDto } | { kind: 'delete'; listener: LoadBalancerListenerDto } | null;

/** Listeners: each protocol and port the load balancer accepts, its pool's algorithm and options. */
export function ListenersTab({ projectId, loadBalancer, readOnly }: { projectId: string; loadBalancer: LoadBalancerDto; readOnly: string | undefined }) {
  const t = useT();
  const format = useFormat();
  const remove = useDeleteListener(projectId, loadBalancer.id);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const busy = readOnly ?? blockedReason(loadBalancer, 'update', t);

  return (
    <Panel>
      <PanelHeader title={t('lb.tab.listeners')}>
        <Button variant="primary" disabledReason={busy} onClick={() => setOpen({ kind: 'add' })}>
          {t('lb.addListener')}
        </Button>
      </PanelHeader>
      <Table label={t('lb.tab.listeners')}>
        <THead>
          <Th>{t('lb.field.listener')}</Th>
          <Th>{t('lb.field.instancePort')}</Th>
          <Th>{t('lb.field.algorithm')}</Th>
          <Th>{t('lb.field.persistence')}</Th>
          <Th className="text-right">{t('lb.field.connectionLimit')}</Th>
          <Th className="text-right">{t('lb.field.keepAlive')}</Th>
          <Th>{t('lb.field.allowedCidrs')}</Th>
          <Th>{t('common.status')}</Th>
          <ActionsTh />
        </THead>
        <TBody>
          {loadBalancer.listeners.map((listener) => (
            <tr key={listener.id}>
              <Td className="font-medium whitespace-nowrap">
                {listener.name}
                {listener.certificate && (
                  <div className="text-xs font-normal text-slate-500" title={listener.certificate.fingerprint256}>
                    {t('lb.certificateOf', { subject: listener.certificate.subject, until: format.date(listener.certificate.notAfter) })}
                  </div>
                )}
              </Td>
              <Td className="tabular-nums">{listener.pool.memberPort}</Td>
              <Td>{listener.pool.lbAlgorithm}</Td>
              <Td>
                {listener.pool.sessionPersistence
                  ? `${listener.pool.sessionPersistence.type}${listener.pool.sessionPersistence.cookieName ? ` (${listener.pool.sessionPersistence.cookieName})` : ''}`
                  : t('lb.persistence.none')}
              </Td>
              <Td className="text-right tabular-nums">{listener.connectionLimit}</Td>
              <Td className="text-right tabular-nums">{listener.keepAliveTimeoutSeconds}</Td>
              <Td className="font-mono text-xs">{listener.allowedCidrs.length > 0 ? listener.allowedCidrs.join(', ') : t('lb.allowedCidrs.all')}</Td>
              <Td>
                <span className="inline-flex gap-1.5">
                  <StatusBadge status={listener.provisioningStatus} />
                  <StatusBadge status={listener.operatingStatus} />
                </span>
              </Td>
              <Td className="text-right whitespace-nowrap">
                <RowAction disabledReason={busy} onClick={() => setOpen({ kind: 'settings', listener })}>
                  {t('lb.listenerSettings')}
                </RowAction>
                <RowAction
                  danger
                  disabledReason={busy ?? (loadBalancer.listeners.length <= 1 ? t('lb.lastListener') : undefined)}
                  onClick={() => setOpen({ kind: 'delete', listener })}
                >
                  {t('common.delete')}
                </RowAction>
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {open?.kind === 'add' && <LoadBalancerWizard projectId={projectId} loadBalancer={loadBalancer} onClose={close} />}
      {open?.kind === 'settings' && <ListenerSettingsDialog projectId={projectId} loadBalancer={loadBalancer} listener={open.listener} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmMutationDialog
          title={t('lb.deleteListenerTitle')}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={open.listener.id}
          successMessage={t('lb.listenerDeleted', { listener: open.listener.name })}
          onSuccess={close}
          onCancel={close}
        >
          {t('lb.deleteListenerConfirm', { listener: open.listener.name, name: loadBalancer.name })}
        </ConfirmMutationDialog>
      )}
    </Panel>
  );
}
