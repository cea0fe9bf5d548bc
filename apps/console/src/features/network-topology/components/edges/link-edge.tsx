import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, useStore, type Edge, type EdgeProps, type EdgeTypes, type ReactFlowState } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { EdgeKind, TopologyEdgeData } from '../../model/types.ts';
import { useAnyHighlighted, useIsHighlighted } from '../highlight.ts';
import { GlobeIcon } from '../icons.tsx';
import { DETAIL_ZOOM } from '../nodes/node-parts.tsx';

export type LinkEdgeType = Edge<TopologyEdgeData, 'link'>;

const STROKE: Record<EdgeKind, CSSProperties> = {
  uplink: { stroke: '#64748b', strokeWidth: 2 },
  subnet: { stroke: '#94a3b8', strokeWidth: 2 },
  vip: { stroke: '#a78bfa', strokeWidth: 2 },
  floatingIp: { stroke: '#2f6fed', strokeWidth: 1.75 },
  member: { stroke: '#8b5cf6', strokeWidth: 1.5, strokeDasharray: '6 4' },
  volume: { stroke: '#f59e0b', strokeWidth: 1.5, strokeDasharray: '2 3' },
  interface: { stroke: '#0ea5e9', strokeWidth: 1.5, strokeDasharray: '4 3' },
};
/** Internet paths cross the instance grid: quiet until their node is hovered or selected. */
const RESTING_OPACITY: Partial<Record<EdgeKind, number>> = { floatingIp: 0.5, member: 0.75, interface: 0.75 };
const REACHABLE: CSSProperties = { stroke: '#10b981' };
const UNREACHABLE: CSSProperties = { stroke: '#f87171', strokeDasharray: '5 4' };

/**
 * Every link of the graph. An Internet path ends on the node that shows its floating IP; the path
 * of a collapsed network says how many floating IPs it stands for.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<LinkEdgeType>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const lit = useIsHighlighted(source, target);
  const dimmed = useAnyHighlighted() && !lit;
  const kind = data?.kind ?? 'subnet';
  const geometry = { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition };
  const [path] = kind === 'uplink' || kind === 'subnet' || kind === 'vip' ? getSmoothStepPath({ ...geometry, borderRadius: 14 }) : getBezierPath(geometry);
  const overlay = data?.reachable === undefined ? undefined : data.reachable ? REACHABLE : UNREACHABLE;
  const count = kind === 'floatingIp' ? data?.count : undefined;
  const base = STROKE[kind];
  // Folded paths stand for many: drawn bolder than one instance's.
  const style: CSSProperties = {
    ...base,
    ...overlay,
    strokeWidth: Number(base.strokeWidth) * (count ? 1.8 : 1) + (lit ? 1.5 : 0),
    opacity: dimmed ? 0.15 : lit || count ? 1 : (RESTING_OPACITY[kind] ?? 1),
  };

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        style={style}
        interactionWidth={0}
        data-testid={`edge-${id}`}
        data-kind={kind}
        {...(data?.address ? { 'data-address': data.address } : {})}
        {...(data?.reachable === undefined ? {} : { 'data-reachable': String(data.reachable) })}
      />
      {count !== undefined && <FoldedPathsLabel x={targetX} y={targetY} count={count} reachable={data?.reachable} lit={lit} dimmed={dimmed} />}
    </>
  );
});

const zoomOf = (state: ReactFlowState) => state.transform[2];

/** "Floating IPs: 40" where the folded Internet paths of a collapsed network arrive. */
function FoldedPathsLabel({ x, y, count, reachable, lit, dimmed }: { x: number; y: number; count: number; reachable: boolean | undefined; lit: boolean; dimmed: boolean }) {
  const t = useT();
  const zoom = useStore(zoomOf);
  // From afar the network's own label carries the count.
  if (zoom < DETAIL_ZOOM) return null;
  return (
    <EdgeLabelRenderer>
      <div
        className={`nodrag nopan pointer-events-none absolute flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] font-medium whitespace-nowrap shadow-sm ${
          reachable === false ? 'border-red-200 bg-red-50 text-red-700' : reachable ? 'border-emerald-200 bg-emerald-50 text-emerald-700' : 'border-brand-100 bg-white text-brand-700'
        } ${lit ? 'ring-2 ring-brand-500/40' : ''}`}
        style={{ transform: `translate(-50%, -100%) translate(${x}px, ${y - 4}px)`, opacity: dimmed ? 0.3 : 1, zIndex: lit ? 1002 : 1001 }}
      >
        <GlobeIcon width={11} height={11} />
        {t('topology.edge.floatingIps', { count })}
      </div>
    </EdgeLabelRenderer>
  );
}

/** Module scope, like the node types: one stable object. */
export const edgeTypes: EdgeTypes = { link: LinkEdge };
