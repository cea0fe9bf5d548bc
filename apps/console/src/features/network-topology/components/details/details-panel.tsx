import type { TopologyDto, TopologyTest } from '@sandcloud/api-schemas';
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../../../lib/i18n/catalog.ts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { TopologyNodeKind, Verdicts } from '../../model/types.ts';
import { InstanceDetails } from './instance-details.tsx';
import { LoadBalancerDetails, NetworkDetails, PublicNetworkDetails, RouterDetails, VolumeDetails } from './resource-details.tsx';

export interface Selection {
  id: string;
  /** The blocked protocol whose reason the user asked for. */
  focusTest?: TopologyTest;
  /** Opened from the keyboard: move the focus into the panel. */
  focusPanel?: boolean;
}

const KIND_LABEL: Record<TopologyNodeKind, MessageKey> = {
  publicNetwork: 'topology.kind.publicNetwork',
  router: 'topology.kind.router',
  network: 'topology.kind.network',
  instance: 'topology.kind.instance',
  loadBalancer: 'topology.kind.loadBalancer',
  volume: 'topology.kind.volume',
};

interface DetailsPanelProps {
  projectId: string;
  topology: TopologyDto;
  selection: Selection;
  collapsed: ReadonlySet<string>;
  canWrite: boolean;
  onClose: () => void;
  onToggleCollapse: (networkId: string) => void;
  onShowReachability: () => void;
}

/** The side panel of the selected node: what it is, how it connects, and what can be done with it. */
export function DetailsPanel({ projectId, topology, selection, collapsed, canWrite, onClose, onToggleCollapse, onShowReachability }: DetailsPanelProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const found = find(topology, selection.id);

  // Keyboard users land in the panel when they open a node, and Escape takes them back.
  useEffect(() => {
    if (selection.focusPanel) heading.current?.focus();
  }, [selection]);

  if (!found) return null;
  const kindLabel = t(KIND_LABEL[found.kind]);
  return (
    <aside
      aria-label={t('topology.panel.title', { kind: kindLabel })}
      data-testid="topology-details"
      className="flex w-80 shrink-0 flex-col overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="flex items-start justify-between gap-2 px-4 pt-4 pb-2">
        <div className="min-w-0">
          <div className="text-xs font-medium text-slate-500">{kindLabel}</div>
          <h2 ref={heading} tabIndex={-1} className="truncate text-base font-semibold text-slate-900 outline-none">
            {found.name}
          </h2>
        </div>
        <button type="button" aria-label={t('topology.panel.close')} className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700" onClick={onClose}>
          ✕
        </button>
      </div>
      {found.kind === 'instance' && (
        <InstanceDetails
          key={found.value.id}
          projectId={projectId}
          topology={topology}
          instance={found.value}
          verdicts={(topology.reachability?.instances[found.value.id] as Verdicts | undefined) ?? null}
          focusTest={selection.focusTest}
          canWrite={canWrite}
          onShowReachability={onShowReachability}
        />
      )}
      {found.kind === 'publicNetwork' && <PublicNetworkDetails projectId={projectId} topology={topology} />}
      {found.kind === 'router' && <RouterDetails topology={topology} router={found.value} />}
      {found.kind === 'network' && (
        <NetworkDetails
          projectId={projectId}
          topology={topology}
          network={found.value}
          collapsed={collapsed.has(found.value.id)}
          onToggleCollapse={() => onToggleCollapse(found.value.id)}
        />
      )}
      {found.kind === 'loadBalancer' && <LoadBalancerDetails projectId={projectId} topology={topology} loadBalancer={found.value} />}
      {found.kind === 'volume' && <VolumeDetails projectId={projectId} topology={topology} volume={found.value} />}
    </aside>
  );
}

type Found =
  | { kind: 'publicNetwork'; name: string }
  | { kind: 'router'; name: string; value: TopologyDto['routers'][number] }
  | { kind: 'network'; name: string; value: TopologyDto['networks'][number] }
  | { kind: 'instance'; name: string; value: TopologyDto['instances'][number] }
  | { kind: 'loadBalancer'; name: string; value: NonNullable<TopologyDto['loadBalancers']>[number] }
  | { kind: 'volume'; name: string; value: NonNullable<TopologyDto['volumes']>[number] };

/** The resource behind a node id, wherever it is (a deleted one is simply not found). */
function find(topology: TopologyDto, id: string): Found | null {
  if (id === topology.publicNetwork.id) return { kind: 'publicNetwork', name: topology.publicNetwork.name };
  const instance = topology.instances.find((i) => i.id === id);
  if (instance) return { kind: 'instance', name: instance.name, value: instance };
  const network = topology.networks.find((n) => n.id === id);
  if (network) return { kind: 'network', name: network.name, value: network };
  const router = topology.routers.find((r) => r.id === id);
  if (router) return { kind: 'router', name: router.name, value: router };
  const loadBalancer = topology.loadBalancers?.find((lb) => lb.id === id);
  if (loadBalancer) return { kind: 'loadBalancer', name: loadBalancer.name, value: loadBalancer };
  const volume = topology.volumes?.find((v) => v.id === id);
  if (volume) return { kind: 'volume', name: volume.name, value: volume };
  return null;
}
