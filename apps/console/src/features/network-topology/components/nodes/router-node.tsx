import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { RouterData } from '../../model/types.ts';
import type { WithPorts } from '../flow-elements.ts';
import { RouterIcon } from '../icons.tsx';
import { Ports, selectedRing, TONE_DOT } from './node-parts.tsx';

export type RouterNodeType = Node<WithPorts<RouterData>, 'router'>;

/** A router: the gateway between the project's networks and the Public Network. */
export const RouterNode = memo(function RouterNode({ data, selected }: NodeProps<RouterNodeType>) {
  const t = useT();
  const { router } = data;
  return (
    <div className={`flex h-full w-full items-center gap-3 rounded-lg border border-slate-300 bg-white px-3 shadow-sm ${selectedRing(selected)}`}>
      <Ports ports={data.ports} />
      <span className="rounded-md bg-violet-100 p-1.5 text-violet-700">
        <RouterIcon width={18} height={18} />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-1.5">
          <span className="truncate text-sm font-semibold text-slate-900">{router.name}</span>
          <span className={`h-1.5 w-1.5 shrink-0 rounded-full ${TONE_DOT[router.status === 'ACTIVE' ? 'good' : 'idle']}`} />
        </div>
        <div className="truncate text-xs text-slate-500">{t(router.externalNetworkId ? 'topology.node.gateway' : 'topology.node.internalRouter')}</div>
      </div>
    </div>
  );
});
