import type { TopologyDto, TopologyInstanceDto, TopologyTest } from '@sandcloud/api-schemas';
import { CONNECTIVITY_TESTS } from '@sandcloud/domain';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../../../components/ui/button.tsx';
import { CopyButton } from '../../../../components/ui/copy-button.tsx';
import { Dialog } from '../../../../components/ui/dialog.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { routes } from '../../../../lib/routes.ts';
import { AssociateFloatingIpDialog, ConnectivityPanel } from '../../../floating-ips/index.ts';
import { useTestInstanceConnectivity } from '../../../instances/index.ts';
import type { Verdicts } from '../../model/types.ts';
import { CheckIcon, CrossIcon } from '../icons.tsx';
import { ActionLink, Dash, Fields, Mono, Section } from './panel-parts.tsx';

const TEST_LABEL: Record<TopologyTest, MessageKey> = { ping: 'topology.test.ping', ssh: 'topology.test.ssh', http: 'topology.test.http' };
/** The `[Rule]` template of `[+ Rule 추가]` that opens each test's traffic. */
const RULE_TEMPLATE: Record<TopologyTest, string> = { ping: 'ALL ICMP', ssh: 'SSH', http: 'HTTP' };

interface InstanceDetailsProps {
  projectId: string;
  topology: TopologyDto;
  instance: TopologyInstanceDto;
  verdicts: Verdicts | null;
  focusTest: TopologyTest | undefined;
  canWrite: boolean;
  onShowReachability: () => void;
}

export function InstanceDetails({ projectId, topology, instance, verdicts, focusTest, canWrite, onShowReachability }: InstanceDetailsProps) {
  const t = useT();
  const [dialog, setDialog] = useState<'associate' | 'test' | null>(null);
  const focusedVerdict = useRef<HTMLDivElement>(null);
  // A blocked verdict was clicked on the graph: bring its explanation into view.
  useEffect(() => {
    focusedVerdict.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focusTest, verdicts]);
  const network = topology.networks.find((n) => n.id === instance.networkId);
  const groups = instance.securityGroupIds.map((id) => ({ id, name: topology.securityGroups.find((g) => g.id === id)?.name ?? id }));
  const volumes = (topology.volumes ?? []).flatMap((volume) =>
    volume.attachments.filter((a) => a.instanceId === instance.id).map((a) => ({ volume, device: a.device })),
  );
  const associateReason = !canWrite
    ? t('common.viewerReadOnly')
    : instance.floatingIp
      ? t('topology.action.associateDone', { ip: instance.floatingIp })
      : !instance.portId || !instance.privateIp
        ? t('topology.action.noPort')
        : undefined;

  return (
    <>
      <div className="px-4 pb-3">
        <StatusBadge status={instance.taskState ?? instance.status} />
      </div>
      <Section title={t('topology.panel.actions')}>
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" disabledReason={associateReason} onClick={() => setDialog('associate')}>
            {t('topology.action.associate')}
          </Button>
          <ActionLink to={routes.instance({ projectId, instanceId: instance.id })}>{t('topology.action.openInstance')}</ActionLink>
          <Button onClick={() => setDialog('test')}>{t('topology.action.test')}</Button>
        </div>
      </Section>
      <Section title={t('topology.kind.instance')}>
        <Fields
          items={[
            { label: t('topology.field.privateIp'), value: instance.privateIp ? <><Mono>{instance.privateIp}</Mono><CopyButton value={instance.privateIp} /></> : <Dash /> },
            { label: t('topology.field.floatingIp'), value: instance.floatingIp ? <><Mono>{instance.floatingIp}</Mono><CopyButton value={instance.floatingIp} /></> : <Dash /> },
            { label: t('topology.field.network'), value: network ? `${network.name} (${network.subnets.map((s) => s.cidr).join(', ')})` : <Dash /> },
            {
              label: t('topology.field.securityGroups'),
              value: (
                <span className="flex flex-wrap gap-1.5">
                  {groups.map((group) => (
                    <Link key={group.id} className="text-brand-600 hover:underline" to={routes.securityGroup({ projectId, groupId: group.id })}>
                      {group.name}
                    </Link>
                  ))}
                </span>
              ),
            },
            { label: t('topology.field.powerState'), value: instance.powerState },
            ...(volumes.length > 0
              ? [{ label: t('topology.field.volumes'), value: volumes.map(({ volume, device }) => `${volume.name}${device ? ` (${device})` : ''}`).join(', ') }]
              : []),
          ]}
        />
      </Section>
      <Section title={t('topology.reachability.title')}>
        {verdicts ? (
          <div className="space-y-2">
            <p className="text-xs text-slate-500">{t('topology.reachability.from', { ip: topology.reachability?.sourceIp ?? '' })}</p>
            {CONNECTIVITY_TESTS.map((test) => {
              const { allowed, reason } = verdicts[test];
              const focused = test === focusTest;
              return (
                <div
                  key={test}
                  ref={focused ? focusedVerdict : undefined}
                  data-testid={`why-${test}`}
                  className={`rounded-md border px-3 py-2 text-sm ${allowed ? 'border-emerald-200 bg-emerald-50/60' : 'border-red-200 bg-red-50/60'} ${focused ? 'ring-2 ring-brand-500' : ''}`}
                >
                  <div className={`flex items-center gap-1.5 font-medium ${allowed ? 'text-emerald-800' : 'text-red-800'}`}>
                    {allowed ? <CheckIcon width={12} height={12} /> : <CrossIcon width={12} height={12} />}
                    {t(TEST_LABEL[test])} — {t(allowed ? 'topology.verdict.allowed' : 'topology.verdict.blocked')}
                  </div>
                  <p className="mt-1 text-slate-700">{reason.message}</p>
                  {reason.rule && <code className="mt-1 block rounded bg-white/80 px-1.5 py-0.5 text-xs text-emerald-800">{reason.rule.summary}</code>}
                  {!allowed && (
                    <p className="mt-1 text-xs text-slate-600">
                      {reason.code === 'NO_MATCHING_RULE'
                        ? t('topology.advice.NO_MATCHING_RULE', { rule: RULE_TEMPLATE[test] })
                        : reason.code === 'NO_FLOATING_IP' || reason.code === 'INSTANCE_NOT_RUNNING' || reason.code === 'NO_LISTENER'
                          ? t(`topology.advice.${reason.code}`)
                          : null}
                    </p>
                  )}
                </div>
              );
            })}
            {CONNECTIVITY_TESTS.some((test) => verdicts[test].reason.code === 'NO_MATCHING_RULE') && groups[0] && (
              <ActionLink to={routes.securityGroup({ projectId, groupId: groups[0].id })}>{t('topology.action.openSecurityGroups')}</ActionLink>
            )}
          </div>
        ) : (
          <div className="space-y-2 text-sm text-slate-600">
            <p>{t('topology.reachability.turnOn')}</p>
            <Button onClick={onShowReachability}>{t('topology.reachability.show')}</Button>
          </div>
        )}
      </Section>
      {dialog === 'associate' && instance.portId && instance.privateIp && (
        <AssociateFloatingIpDialog
          projectId={projectId}
          port={{ id: instance.portId, fixedIp: instance.privateIp, deviceType: 'instance', deviceName: instance.name }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'test' && <ConnectivityDialog projectId={projectId} instance={instance} onClose={() => setDialog(null)} />}
    </>
  );
}

function ConnectivityDialog({ projectId, instance, onClose }: { projectId: string; instance: TopologyInstanceDto; onClose: () => void }) {
  const t = useT();
  const test = useTestInstanceConnectivity(projectId, instance.id);
  return (
    <Dialog title={t('topology.action.testTitle', { name: instance.name })} size="lg" onClose={onClose}>
      <ConnectivityPanel run={(kind) => test.mutateAsync({ test: kind })} />
    </Dialog>
  );
}

