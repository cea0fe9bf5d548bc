import type { TopologyDto, TopologyLoadBalancerDto, TopologyNetworkDto, TopologyRouterDto, TopologyVolumeDto } from '@sandcloud/api-schemas';
import { Button } from '../../../../components/ui/button.tsx';
import { StatusBadge } from '../../../../components/ui/status-badge.tsx';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { routes } from '../../../../lib/routes.ts';
import { ActionLink, Dash, Fields, Mono, Section } from './panel-parts.tsx';

export function PublicNetworkDetails({ projectId, topology }: { projectId: string; topology: TopologyDto }) {
  const t = useT();
  const attached = topology.floatingIps.filter((ip) => ip.target);
  return (
    <>
      <Section title={t('topology.panel.actions')}>
        <ActionLink to={routes.floatingIps({ projectId })}>{t('topology.action.openFloatingIps')}</ActionLink>
      </Section>
      <Section title={t('topology.field.floatingIps')}>
        {topology.floatingIps.length === 0 ? (
          <Dash />
        ) : (
          <ul className="space-y-1 text-sm">
            {topology.floatingIps.slice(0, 50).map((ip) => {
              const target = ip.target && (topology.instances.find((i) => i.id === ip.target!.id)?.name ?? topology.loadBalancers?.find((lb) => lb.id === ip.target!.id)?.name);
              return (
                <li key={ip.id} className="flex justify-between gap-2">
                  <Mono>{ip.address}</Mono>
                  <span className="truncate text-slate-500">{target ?? '—'}</span>
                </li>
              );
            })}
          </ul>
        )}
        <p className="mt-2 text-xs text-slate-500">{t('topology.node.publicSummary', { count: attached.length })}</p>
      </Section>
    </>
  );
}

export function RouterDetails({ topology, router }: { topology: TopologyDto; router: TopologyRouterDto }) {
  const t = useT();
  const networks = topology.networks.filter((n) => router.networkIds.includes(n.id));
  return (
    <Section title={t('topology.kind.router')}>
      <Fields
        items={[
          { label: t('topology.field.status'), value: <StatusBadge status={router.status} /> },
          { label: t('topology.field.externalNetwork'), value: router.externalNetworkId === topology.publicNetwork.id ? topology.publicNetwork.name : <Dash /> },
          { label: t('topology.field.networks'), value: networks.length ? networks.map((n) => `${n.name} (${n.subnets.map((s) => s.cidr).join(', ')})`).join(', ') : <Dash /> },
        ]}
      />
    </Section>
  );
}

interface NetworkDetailsProps {
  projectId: string;
  topology: TopologyDto;
  network: TopologyNetworkDto;
  collapsed: boolean;
  onToggleCollapse: () => void;
}

export function NetworkDetails({ projectId, topology, network, collapsed, onToggleCollapse }: NetworkDetailsProps) {
  const t = useT();
  const members = topology.instances.filter((i) => i.networkId === network.id);
  const router = topology.routers.find((r) => r.networkIds.includes(network.id));
  return (
    <>
      <Section title={t('topology.panel.actions')}>
        <div className="flex flex-wrap gap-2">
          <ActionLink to={routes.vpcs({ projectId })}>{t('topology.action.openVpc')}</ActionLink>
          {members.length > 0 && <Button onClick={onToggleCollapse}>{t(collapsed ? 'topology.action.expand' : 'topology.action.collapse')}</Button>}
        </div>
      </Section>
      <Section title={t('topology.kind.network')}>
        <Fields
          items={[
            { label: t('topology.field.status'), value: <StatusBadge status={network.status} /> },
            ...network.subnets.flatMap((subnet) => [
              { label: `${t('topology.field.subnet')} ${subnet.name}`, value: <Mono>{subnet.cidr}</Mono> },
              { label: t('topology.field.gateway'), value: <Mono>{subnet.gatewayIp}</Mono> },
            ]),
            { label: t('topology.field.router'), value: router?.name ?? <Dash /> },
            { label: t('topology.field.instances'), value: members.length },
            { label: t('topology.field.floatingIps'), value: members.filter((i) => i.floatingIp).length },
          ]}
        />
      </Section>
    </>
  );
}

export function LoadBalancerDetails({ projectId, topology, loadBalancer }: { projectId: string; topology: TopologyDto; loadBalancer: TopologyLoadBalancerDto }) {
  const t = useT();
  const network = topology.networks.find((n) => n.id === loadBalancer.networkId);
  return (
    <>
      <Section title={t('topology.panel.actions')}>
        <ActionLink to={routes.loadBalancers({ projectId })}>{t('topology.action.openLoadBalancers')}</ActionLink>
      </Section>
      <Section title={t('topology.kind.loadBalancer')}>
        <Fields
          items={[
            { label: t('topology.field.status'), value: <StatusBadge status={loadBalancer.status} /> },
            { label: t('topology.field.vip'), value: <Mono>{loadBalancer.vipAddress}</Mono> },
            { label: t('topology.field.floatingIp'), value: loadBalancer.floatingIp ? <Mono>{loadBalancer.floatingIp}</Mono> : <Dash /> },
            { label: t('topology.field.network'), value: network?.name ?? <Dash /> },
            {
              label: t('topology.field.members'),
              value: loadBalancer.members.length ? (
                <ul className="space-y-0.5">
                  {loadBalancer.members.map((member) => (
                    <li key={member.id} className="flex justify-between gap-2">
                      <span>{topology.instances.find((i) => i.id === member.instanceId)?.name ?? member.address}</span>
                      <Mono>
                        {member.address}:{member.port}
                      </Mono>
                    </li>
                  ))}
                </ul>
              ) : (
                <Dash />
              ),
            },
          ]}
        />
      </Section>
    </>
  );
}

export function VolumeDetails({ projectId, topology, volume }: { projectId: string; topology: TopologyDto; volume: TopologyVolumeDto }) {
  const t = useT();
  const attachment = volume.attachments[0];
  return (
    <>
      <Section title={t('topology.panel.actions')}>
        <ActionLink to={routes.blockStorage({ projectId })}>{t('topology.action.openBlockStorage')}</ActionLink>
      </Section>
      <Section title={t('topology.kind.volume')}>
        <Fields
          items={[
            { label: t('topology.field.status'), value: <StatusBadge status={volume.status} /> },
            { label: t('topology.field.size'), value: `${volume.sizeGb} GB` },
            { label: t('topology.field.attachedTo'), value: attachment ? (topology.instances.find((i) => i.id === attachment.instanceId)?.name ?? attachment.instanceId) : <Dash /> },
            { label: t('topology.field.device'), value: attachment?.device ? <Mono>{attachment.device}</Mono> : <Dash /> },
          ]}
        />
      </Section>
    </>
  );
}
