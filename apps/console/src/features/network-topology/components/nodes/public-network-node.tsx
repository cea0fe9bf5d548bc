import { useStore, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { PublicNetworkData } from '../../model/types.ts';
import type { WithPorts } from '../flow-elements.ts';
import { GlobeIcon } from '../icons.tsx';
import { FarLabel, isZoomedOut, Ports, selectedRing } from './node-parts.tsx';

export type PublicNetworkNodeType = Node<WithPorts<PublicNetworkData>, 'publicNetwork'>;

/** The Internet side: where floating IPs come from and where their paths start. */
export const PublicNetworkNode = memo(function PublicNetworkNode({ data, selected }: NodeProps<PublicNetworkNodeType>) {
  const t = useT();
  const zoomedOut = useStore(isZoomedOut);
  return (
    <div className={`flex h-full w-full items-center gap-3 rounded-full border border-indigo-300 bg-gradient-to-r from-indigo-600 to-brand-500 px-5 text-white shadow-md ${selectedRing(selected)}`}>
      <Ports ports={data.ports} />
      {zoomedOut && (
        <FarLabel>
          <GlobeIcon width={13} height={13} className="text-indigo-600" />
          {data.name} · {t('topology.node.internet')}
        </FarLabel>
      )}
      <GlobeIcon width={26} height={26} className="shrink-0" />
      <div className="min-w-0">
        <div className="truncate text-sm font-semibold">{data.name}</div>
        <div className="text-xs text-indigo-100">
          {t('topology.node.internet')} · {t('topology.node.publicSummary', { count: data.attachedFloatingIps })}
        </div>
      </div>
    </div>
  );
});
