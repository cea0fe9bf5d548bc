import type { TopologyDto } from '@sandcloud/api-schemas';
import { buildTopology, type TopologyViewOptions } from '../model/build-topology.ts';
import type { SlotMap, TopologyGraph } from '../model/types.ts';
import { FlowComposer } from './flow-elements.ts';

/**
 * What the view remembers from one update to the next, outside React state: the grid cell of
 * every instance (so nothing jumps) and the React Flow objects already handed out (so unchanged
 * nodes are not redrawn). Framework-free; the view holds one per mounted graph.
 */
export class TopologySession {
  readonly composer = new FlowComposer();
  private slots: SlotMap | undefined;

  build(dto: TopologyDto, view: Omit<TopologyViewOptions, 'previousSlots'>): TopologyGraph {
    const graph = buildTopology(dto, { ...view, previousSlots: this.slots });
    this.slots = graph.slots;
    return graph;
  }
}
