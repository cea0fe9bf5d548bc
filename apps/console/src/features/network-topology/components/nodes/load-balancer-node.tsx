import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { LoadBalancerData } from '../../model/types.ts';
import type { WithPorts } from '../flow-elements.ts';
import { BalancerIcon, GlobeIcon } from '../icons.tsx';
import { Ports, selectedRing, TONE_BAR, TONE_TEXT } from './node-parts.tsx';

export type LoadBalancerNodeType = Node<WithPorts<LoadBalancerData>, 'loadBalancer'>;

/** A load balancer: its VIP on the network, its floating IP, and how many members it spreads over. */
export const LoadBalancerNode = memo(function LoadBalancerNode({ data, selected }: NodeProps<LoadBalancerNodeType>) {
  const t = useT();
  const { loadBalancer, tone } = data;
  return (
    <div className={`relative flex h-full w-full overflow-hidden rounded-lg border border-violet-200 bg-white shadow-sm ${selectedRing(selected)}`}>
      <Ports ports={data.ports} />
      <span aria-hidden className={`w-1 shrink-0 ${TONE_BAR[tone]}`} />
      <div className="flex min-w-0 flex-1 flex-col justify-between px-3 py-2">
        <div className="flex items-center gap-1.5">
          <BalancerIcon width={15} height={15} className="shrink-0 text-violet-600" />
          <span className="truncate text-[13px] font-semibold text-slate-900">{loadBalancer.name}</span>
          <span className={`ml-auto text-[10px] font-medium ${TONE_TEXT[tone]}`}>{loadBalancer.status}</span>
        </div>
        <div className="flex items-center gap-2 font-mono text-[11px] text-slate-600">
          <span>VIP {loadBalancer.vipAddress}</span>
          {loadBalancer.floatingIp && (
            <span className="flex items-center gap-0.5 rounded bg-brand-50 px-1 text-brand-700">
              <GlobeIcon width={10} height={10} />
              {loadBalancer.floatingIp}
            </span>
          )}
        </div>
        <div className="text-[10px] text-slate-500">{t('topology.node.members', { count: loadBalancer.members.length })}</div>
      </div>
    </div>
  );
});
