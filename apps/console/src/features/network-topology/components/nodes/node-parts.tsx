import { Handle, useStore, type ReactFlowState } from '@xyflow/react';
import type { TopologyTest } from '@sandcloud/api-schemas';
import { createContext, type ReactNode } from 'react';
import type { Tone } from '../../model/types.ts';
import type { Port } from '../flow-elements.ts';

/** Status colours, as the legend explains them. */
export const TONE_DOT: Record<Tone, string> = {
  good: 'bg-emerald-500',
  busy: 'bg-amber-500 animate-transitional',
  bad: 'bg-red-500',
  idle: 'bg-slate-400',
};
/** The same colours, never animated (the legend; an animation keeps the page repainting). */
export const TONE_SWATCH: Record<Tone, string> = { good: 'bg-emerald-500', busy: 'bg-amber-500', bad: 'bg-red-500', idle: 'bg-slate-400' };
export const TONE_BAR: Record<Tone, string> = { good: 'bg-emerald-500', busy: 'bg-amber-400', bad: 'bg-red-500', idle: 'bg-slate-300' };
export const TONE_TEXT: Record<Tone, string> = { good: 'text-emerald-700', busy: 'text-amber-700', bad: 'text-red-700', idle: 'text-slate-500' };
export const TONE_COMPACT: Record<Tone, string> = {
  good: 'border-emerald-400 bg-emerald-100',
  busy: 'border-amber-400 bg-amber-100',
  bad: 'border-red-400 bg-red-100',
  idle: 'border-slate-300 bg-slate-100',
};

/** Below this zoom, nodes draw as coloured boxes: text would be unreadable and costs the most to draw. */
export const DETAIL_ZOOM = 0.45;
export const isZoomedOut = (state: ReactFlowState) => state.transform[2] < DETAIL_ZOOM;

/** Callbacks the nodes need from the view; the value is stable, so nodes do not re-render for it. */
export interface TopologyActions {
  /** Opens a node's details (an instance drawn as a box in overview has no node of its own). */
  select: (id: string) => void;
  toggleCollapse: (networkId: string) => void;
  showWhy: (instanceId: string, test: TopologyTest) => void;
}
export const TopologyActionsContext = createContext<TopologyActions>({ select: () => undefined, toggleCollapse: () => undefined, showWhy: () => undefined });

/** The ports the node's links use, where its `handles` declare them (topology.css hides them). */
export function Ports({ ports }: { ports: readonly Port[] }) {
  return (
    <>
      {ports.map((port) => (
        <Handle
          key={port.id}
          id={port.id}
          type={port.type}
          position={port.position}
          isConnectable={false}
          style={{ left: port.x, top: port.y, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0, transform: 'none' }}
        />
      ))}
    </>
  );
}

export const selectedRing = (selected: boolean) => (selected ? 'ring-2 ring-brand-500 ring-offset-2' : '');

const zoomOf = (state: ReactFlowState) => state.transform[2];

/**
 * A node's name at a readable size while the graph is seen from afar (the node itself is then too
 * small to read). Only the few backbone nodes use it, so following the zoom costs nothing.
 */
export function FarLabel({ children, align = 'center' }: { children: ReactNode; align?: 'center' | 'start' }) {
  const zoom = useStore(zoomOf);
  const scale = Math.max(1, 0.75 / zoom);
  return (
    <div
      aria-hidden
      className={`pointer-events-none absolute bottom-full mb-1 flex items-center gap-1.5 rounded-md bg-white/90 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-slate-800 shadow-sm ring-1 ring-slate-200 ${
        align === 'center' ? 'left-1/2 origin-bottom' : 'left-0 origin-bottom-left'
      }`}
      style={{ transform: `${align === 'center' ? 'translateX(-50%) ' : ''}scale(${scale})` }}
    >
      {children}
    </div>
  );
}
