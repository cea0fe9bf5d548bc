import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  getViewportForBounds,
  useReactFlow,
  useStore,
  type Viewport,
  type MiniMapNodeProps,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import type { TopologyTest } from '@sandcloud/api-schemas';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useTopology } from '../api/get-topology.ts';
import type { SearchHit } from '../model/build-topology.ts';
import type { Positions } from '../layout/elk-graph.ts';
import type { TopologyGraph, TopologyNodeData } from '../model/types.ts';
import { DetailsPanel, type Selection } from './details/details-panel.tsx';
import { edgeTypes } from './edges/link-edge.tsx';
import type { FlowNode } from './flow-elements.ts';
import { HighlightContext, HighlightStore } from './highlight.ts';
import { DETAIL_ZOOM, isZoomedOut, TopologyActionsContext, type TopologyActions } from './nodes/node-parts.tsx';
import { nodeTypes } from './nodes/node-types.ts';
import { TopologyContextMenu, type ContextMenuState } from './topology-context-menu.tsx';
import { AssociateFloatingIpDialog } from '../../floating-ips/index.ts';
import { TopologyLegend } from './topology-legend.tsx';
import { TopologySearch } from './topology-search.tsx';
import { TopologySession } from './topology-session.ts';
import { ToggleSwitch } from './toggle-switch.tsx';
import { useTopologyLayout } from './use-topology-layout.ts';
import './topology.css';

/**
 * A large graph: from this many nodes on, seen whole it is drawn as its networks with their
 * instances as boxes (overview); zoomed in, React Flow draws only what is in the viewport; the
 * minimap shows networks rather than every instance; and the dotted background, repainted at every
 * frame of a pan, goes.
 */
const LARGE_FROM = 150;
const FIT_VIEW = { padding: 0.08, maxZoom: 1 };
const MIN_ZOOM = 0.04;

const MINIMAP_COLOURS: Record<TopologyNodeData['kind'], string> = {
  publicNetwork: '#4f46e5',
  router: '#8b5cf6',
  network: '#e0f2fe',
  instance: '#10b981',
  loadBalancer: '#a78bfa',
  volume: '#f59e0b',
};
const TONE_COLOURS = { good: '#10b981', busy: '#f59e0b', bad: '#ef4444', idle: '#94a3b8' };
const minimapColour = ({ data }: FlowNode) =>
  data.kind === 'instance' || data.kind === 'loadBalancer' || data.kind === 'volume' ? TONE_COLOURS[data.tone] : MINIMAP_COLOURS[data.kind];
/** In a large graph the minimap leaves instances and volumes out (marked with this colour). */
const SKIPPED = 'none';
const minimapColourLarge = (node: FlowNode) => (node.parentId ? SKIPPED : minimapColour(node));

function MiniMapShape({ x, y, width, height, color, borderRadius }: MiniMapNodeProps) {
  if (color === SKIPPED) return null;
  return <rect x={x} y={y} width={width} height={height} rx={borderRadius} fill={color} shapeRendering="crispEdges" />;
}

/** The viewport that shows the whole graph in a canvas of this size (what `fitView` would pick). */
function fittedViewport(graph: TopologyGraph, positions: Positions, size: { width: number; height: number }): Viewport {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of graph.nodes) {
    const at = node.parentId ? undefined : positions[node.id];
    if (!at) continue;
    [x1, y1, x2, y2] = [Math.min(x1, at.x), Math.min(y1, at.y), Math.max(x2, at.x + node.width), Math.max(y2, at.y + node.height)];
  }
  if (x1 === Infinity) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds({ x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, size.width, size.height, MIN_ZOOM, FIT_VIEW.maxZoom, FIT_VIEW.padding);
}

/** Where a node is in the flow, from the layout alone (it may not be a React Flow node right now). */
function absoluteCentre(graph: TopologyGraph, positions: Positions, id: string): { x: number; y: number } | null {
  const node = graph.nodes.find((candidate) => candidate.id === id);
  if (!node) return null;
  const origin = node.parentId ? positions[node.parentId] : { x: 0, y: 0 };
  const at = node.parentId ? node.position : positions[node.id];
  if (!origin || !at) return null;
  return { x: origin.x + at.x + node.width / 2, y: origin.y + at.y + node.height / 2 };
}

const focusNodeElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });

export function TopologyView({ projectId }: { projectId: string }) {
  const t = useT();
  const { canWrite } = useProjectPermissions(projectId);
  const { fitView, setCenter, getZoom, getInternalNode } = useReactFlow();
  const [overlay, setOverlay] = useState(false);
  const [showVolumes, setShowVolumes] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selection, setSelection] = useState<Selection | null>(null);
  const [reveal, setReveal] = useState<{ id: string; centred: boolean } | null>(null);
  const [ready, setReady] = useState(false);
  const [canvasSize, setCanvasSize] = useState<{ width: number; height: number } | null>(null);
  const [viewportReady, setViewportReady] = useState(false);
  const [session] = useState(() => new TopologySession());
  const [highlight] = useState(() => new HighlightStore());
  const canvas = useRef<HTMLDivElement>(null);
  const zoomedOut = useStore(isZoomedOut);
  useLayoutEffect(() => {
    if (canvas.current) setCanvasSize({ width: canvas.current.clientWidth, height: canvas.current.clientHeight });
  }, []);
  // Set on the element directly: a pan must not re-render the view. Links are not lit while the
  // view moves: the pointer crossing nodes would relight (and repaint) them at every frame.
  const onMoveStart = useCallback(() => {
    canvas.current?.setAttribute('data-moving', 'true');
    highlight.hover(null);
  }, [highlight]);
  const onMoveEnd = useCallback(() => canvas.current?.removeAttribute('data-moving'), []);
  const onInit = useCallback(() => setViewportReady(true), []);

  const topology = useTopology(projectId, overlay);
  const dto = topology.data;
  const graph = useMemo(() => (dto ? session.build(dto, { showVolumes, collapsedNetworkIds: collapsed }) : null), [dto, showVolumes, collapsed, session]);
  const layout = useTopologyLayout(projectId, graph, dto?.publicNetwork.id);
  const settled = layout.settled;
  // Computed once, when the first layout arrives: React Flow opens on the whole graph, drawn once at
  // the right zoom. Later updates leave pan and zoom to the user.
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  if (!initialViewport && graph && layout.positions && canvasSize) setInitialViewport(fittedViewport(graph, layout.positions, canvasSize));
  const large = (graph?.nodes.length ?? 0) >= LARGE_FROM;
  const overview = large && (viewportReady ? zoomedOut : (initialViewport?.zoom ?? 0) < DETAIL_ZOOM);
  const nodes = useMemo(
    () => (graph && layout.positions && initialViewport ? session.composer.composeNodes(graph, layout.positions, selection?.id ?? null, t, overview) : []),
    [graph, layout.positions, initialViewport, selection?.id, session, t, overview],
  );
  const edges = useMemo(
    () => (graph && layout.positions && initialViewport ? session.composer.composeEdges(graph, overview) : []),
    [graph, layout.positions, initialViewport, session, overview],
  );

  const toggleCollapse = useCallback((networkId: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(networkId)) next.add(networkId);
      return next;
    });
  }, []);
  const actions = useMemo<TopologyActions>(
    () => ({ select: (id: string) => setSelection({ id }), toggleCollapse, showWhy: (id: string, test: TopologyTest) => setSelection({ id, focusTest: test }) }),
    [toggleCollapse],
  );

  useEffect(() => highlight.select(selection?.id ?? null), [highlight, selection?.id]);
  const hasData = dto !== undefined;
  useEffect(() => {
    if (hasData) performance.mark('topology:data');
  }, [hasData]);

  const drawn = nodes.length > 0;
  useEffect(() => {
    if (!drawn) return;
    performance.mark('topology:layout');
    // Two frames: the nodes are painted, not only committed.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark('topology:ready');
        setReady(true);
      }),
    );
  }, [drawn]);

  // A search hit: centre it where the layout put it (zoomed in, so it is drawn as a node), then,
  // once React Flow draws it, select and focus it.
  useEffect(() => {
    if (!reveal || !settled || !graph || !layout.positions) return;
    if (!reveal.centred) {
      const centre = absoluteCentre(graph, layout.positions, reveal.id);
      if (!centre) return;
      setReveal({ id: reveal.id, centred: true });
      // The details panel opens first; centre in the canvas it leaves, a frame later.
      setSelection({ id: reveal.id });
      requestAnimationFrame(() => void setCenter(centre.x, centre.y, { zoom: Math.max(getZoom(), 1), duration: 400 }));
      return;
    }
    const node = getInternalNode(reveal.id);
    if (!node || node.hidden) return;
    const { id } = reveal;
    setReveal(null);
    setTimeout(() => focusNodeElement(id), 450);
  }, [reveal, settled, graph, layout.positions, nodes, getInternalNode, setCenter, getZoom]);

  const pick = (hit: SearchHit) => {
    if (hit.kind === 'instance' && hit.networkId && collapsed.has(hit.networkId)) toggleCollapse(hit.networkId);
    if (hit.kind === 'volume') setShowVolumes(true);
    setReveal({ id: hit.id, centred: false });
  };

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    for (const change of changes) {
      if (change.type === 'select') {
        // Enter or Space on a focused node: open its details and move the focus there.
        if (change.selected) setSelection({ id: change.id, focusPanel: true });
        else setSelection((current) => (current?.id === change.id ? null : current));
      }
    }
  }, []);
  const onNodeClick = useCallback<NodeMouseHandler<FlowNode>>((_event, node) => setSelection({ id: node.id }), []);
  // Right click: launch into a subnet, associate a floating IP to an instance.
  const [contextMenu, setContextMenu] = useState<ContextMenuState | null>(null);
  const [associating, setAssociating] = useState<{ id: string; fixedIp: string; deviceName: string } | null>(null);
  const closeContextMenu = useCallback(() => setContextMenu(null), []);
  const onNodeContextMenu = useCallback<NodeMouseHandler<FlowNode>>((event, node) => {
    event.preventDefault();
    setContextMenu({ x: event.clientX, y: event.clientY, data: node.data as TopologyNodeData });
  }, []);
  const onNodeMouseEnter = useCallback<NodeMouseHandler<FlowNode>>(
    (event, node) => {
      if (event.buttons === 0 && !canvas.current?.hasAttribute('data-moving')) highlight.hover(node.id);
    },
    [highlight],
  );
  const onNodeMouseLeave = useCallback(() => highlight.hover(null), [highlight]);
  const closePanel = useCallback(() => {
    const id = selection?.id;
    setSelection(null);
    if (id) requestAnimationFrame(() => focusNodeElement(id));
  }, [selection?.id]);

  const collapsible = graph?.nodes.filter((node) => node.data.kind === 'network' && node.data.collapsible).map((node) => node.id) ?? [];
  const allCollapsed = collapsible.length > 0 && collapsible.every((id) => collapsed.has(id));
  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('topology.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('topology.a11y.node'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('topology.a11y.moved', { direction, x, y }),
      'controls.ariaLabel': t('topology.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('topology.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('topology.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('topology.fitView'),
      'controls.interactive.ariaLabel': t('topology.a11y.lock'),
      'minimap.ariaLabel': t('topology.a11y.minimap'),
    }),
    [t],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2">
        <TopologySearch topology={dto} onPick={pick} />
        <ToggleSwitch checked={overlay} onChange={setOverlay} hint={t('topology.overlay.hint')}>
          {t('topology.overlay.label')}
          {overlay && topology.isPlaceholderData && <span className="animate-transitional text-xs font-normal text-amber-700">{t('topology.overlay.loading')}</span>}
        </ToggleSwitch>
        <ToggleSwitch checked={showVolumes} onChange={setShowVolumes}>
          {t('topology.volumes.label')}
        </ToggleSwitch>
        <div className="ml-auto flex items-center gap-2">
          {dto && (
            <span className="text-xs text-slate-500 tabular-nums">
              {t('topology.stats', { networks: dto.networks.length, instances: dto.instances.length, floatingIps: dto.instances.filter((i) => i.floatingIp).length })}
            </span>
          )}
          {collapsible.length > 0 && (
            <Button variant="ghost" className="text-xs" onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(collapsible))}>
              {t(allCollapsed ? 'topology.expandAll' : 'topology.collapseAll')}
            </Button>
          )}
          <Button variant="ghost" className="text-xs" disabled={!ready} onClick={() => void fitView({ ...FIT_VIEW, duration: 300 })}>
            {t('topology.fitView')}
          </Button>
        </div>
      </div>

      <div className="flex min-h-0 flex-1 gap-3">
        <div
          ref={canvas}
          className="topology-canvas relative min-w-0 flex-1 overflow-hidden rounded-lg border border-slate-200 bg-slate-50"
          data-testid="topology-canvas"
          data-ready={ready}
          data-node-count={nodes.length}
        >
          {topology.isError && !dto ? (
            <EmptyState message={errorMessage(topology.error)} action={<Button onClick={() => void topology.refetch()}>{t('common.retry')}</Button>} />
          ) : layout.error && !drawn ? (
            <EmptyState message={t('topology.layoutFailed', { message: layout.error })} />
          ) : !drawn ? (
            <div className="flex h-full items-center justify-center text-sm text-slate-500" aria-busy="true">
              {t('topology.loading')}
            </div>
          ) : (
            <HighlightContext.Provider value={highlight}>
              <TopologyActionsContext.Provider value={actions}>
                <ReactFlow<FlowNode>
                  aria-label={t('topology.canvas')}
                  nodes={nodes}
                  edges={edges}
                  nodeTypes={nodeTypes}
                  edgeTypes={edgeTypes}
                  onNodesChange={onNodesChange}
                  onNodeClick={onNodeClick}
                  onNodeContextMenu={onNodeContextMenu}
                  onNodeMouseEnter={onNodeMouseEnter}
                  onNodeMouseLeave={onNodeMouseLeave}
                  onMoveStart={onMoveStart}
                  onMoveEnd={onMoveEnd}
                  // Zoomed in on a large graph, only what is in view is drawn. Seen whole, it is already
                  // reduced to its networks (overview), and there is nothing to skip.
                  onlyRenderVisibleElements={large && !overview}
                  // The layout places everything; dragging on a node pans, as on the background.
                  nodesDraggable={false}
                  nodesConnectable={false}
                  edgesFocusable={false}
                  edgesReconnectable={false}
                  selectNodesOnDrag={false}
                  multiSelectionKeyCode={null}
                  selectionKeyCode={null}
                  deleteKeyCode={null}
                  minZoom={MIN_ZOOM}
                  maxZoom={2}
                  ariaLabelConfig={ariaLabelConfig}
                  defaultViewport={initialViewport ?? undefined}
                  onInit={onInit}
                >
                  {!large && <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} color="#cbd5e1" />}
                  <Controls showInteractive={false} showFitView={false} position="bottom-left" />
                  <MiniMap<FlowNode>
                    pannable
                    zoomable
                    position="bottom-right"
                    nodeColor={large ? minimapColourLarge : minimapColour}
                    nodeComponent={MiniMapShape}
                    nodeStrokeWidth={0}
                    maskColor="rgba(241, 245, 249, 0.7)"
                    className="rounded-md border border-slate-200"
                  />
                  <Panel position="top-right">
                    <TopologyLegend overlay={overlay} />
                  </Panel>
                  {layout.error && (
                    <Panel position="top-center">
                      <span role="alert" className="rounded bg-red-50 px-3 py-1 text-xs text-red-700 shadow-sm">
                        {t('topology.layoutFailed', { message: layout.error })}
                      </span>
                    </Panel>
                  )}
                </ReactFlow>
                {contextMenu && <TopologyContextMenu projectId={projectId} menu={contextMenu} onClose={closeContextMenu} onAssociate={setAssociating} />}
                {associating && (
                  <AssociateFloatingIpDialog projectId={projectId} port={{ ...associating, deviceType: 'instance' }} onClose={() => setAssociating(null)} />
                )}
              </TopologyActionsContext.Provider>
            </HighlightContext.Provider>
          )}
          <p className="sr-only">{t('topology.keyboardHint')}</p>
        </div>
        {dto && selection && (
          <DetailsPanel
            projectId={projectId}
            topology={dto}
            selection={selection}
            collapsed={collapsed}
            canWrite={canWrite}
            onClose={closePanel}
            onToggleCollapse={toggleCollapse}
            onShowReachability={() => setOverlay(true)}
          />
        )}
      </div>
    </div>
  );
}
