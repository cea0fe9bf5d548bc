import type { L7PolicyDto, LoadBalancerDto } from '@sandcloud/api-schemas';
import type { L7PolicyAction } from '@sandcloud/domain';
import { QueryList } from '../../../../components/ui/query-list.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { Panel, PanelHeader, Table, TBody, Td, Th, THead } from '../../../../components/ui/table.tsx';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useL7Policies } from '../../api/get-l7-policies.ts';

const ACTION_LABEL: Record<L7PolicyAction, MessageKey> = {
  REJECT: 'lb.l7.action.REJECT',
  REDIRECT_TO_POOL: 'lb.l7.action.REDIRECT_TO_POOL',
  REDIRECT_TO_URL: 'lb.l7.action.REDIRECT_TO_URL',
  REDIRECT_PREFIX: 'lb.l7.action.REDIRECT_PREFIX',
};

function target(policy: L7PolicyDto): string {
  if (policy.action === 'REDIRECT_TO_POOL') return policy.redirectPoolName || policy.redirectPoolId || '';
  const location = policy.action === 'REDIRECT_TO_URL' ? policy.redirectUrl : policy.action === 'REDIRECT_PREFIX' ? policy.redirectPrefix : null;
  return location ? `${policy.redirectHttpCode ?? 302} → ${location}` : '—';
}

/** The listeners' L7 policies, read-only: in evaluation order per listener, each with its rules. */
export function L7PoliciesPanel({ projectId, loadBalancer }: { projectId: string; loadBalancer: LoadBalancerDto }) {
  const t = useT();
  const policies = useL7Policies(projectId, loadBalancer.id);
  const listenerName = new Map(loadBalancer.listeners.map((listener) => [listener.id, listener.name]));
  return (
    <Panel className="mt-4">
      <PanelHeader title={t('lb.l7.title')} />
      <QueryList query={policies} rows={2} columns={6} emptyMessage={t('lb.l7.empty')}>
        {(items) => (
          <Table label={t('lb.l7.title')}>
            <THead>
              <Th>{t('lb.l7.listener')}</Th>
              <Th className="text-right">{t('lb.l7.position')}</Th>
              <Th>{t('common.name')}</Th>
              <Th>{t('lb.l7.action')}</Th>
              <Th>{t('lb.l7.target')}</Th>
              <Th>{t('lb.l7.rules')}</Th>
              <Th>{t('common.status')}</Th>
            </THead>
            <TBody>
              {items.map((policy) => (
                <tr key={policy.id} className={policy.adminStateUp ? '' : 'text-slate-400'}>
                  <Td className="whitespace-nowrap">{listenerName.get(policy.listenerId) ?? policy.listenerId}</Td>
                  <Td className="text-right tabular-nums">{policy.position}</Td>
                  <Td>{policy.name || '—'}</Td>
                  <Td className="whitespace-nowrap">{t(ACTION_LABEL[policy.action])}</Td>
                  <Td className="font-mono text-xs break-all">{target(policy)}</Td>
                  <Td>
                    {policy.rules.length === 0 ? (
                      <span className="text-slate-500">{t('lb.l7.noRules')}</span>
                    ) : (
                      <ul className="space-y-0.5 font-mono text-xs">
                        {policy.rules.map((rule) => (
                          <li key={rule.id} className={rule.adminStateUp ? '' : 'text-slate-400 line-through'}>
                            {rule.invert ? `${t('lb.l7.not')} ` : ''}
                            {rule.type}
                            {rule.key ? `(${rule.key})` : ''} {rule.compareType} {rule.value}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                  <Td>
                    <span className="inline-flex gap-1.5">
                      <StatusBadge status={policy.provisioningStatus} />
                      {!policy.adminStateUp && <StatusBadge status="OFFLINE" label={t('lb.l7.disabled')} />}
                    </span>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </QueryList>
    </Panel>
  );
}
