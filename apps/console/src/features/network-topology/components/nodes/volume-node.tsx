import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { VolumeData } from '../../model/types.ts';
import type { WithPorts } from '../flow-elements.ts';
import { DiskIcon } from '../icons.tsx';
import { Ports, selectedRing, TONE_DOT } from './node-parts.tsx';

export type VolumeNodeType = Node<WithPorts<VolumeData>, 'volume'>;

/** A volume attached to the instance above it, with the device it shows up as. */
export const VolumeNode = memo(function VolumeNode({ data, selected }: NodeProps<VolumeNodeType>) {
  const { volume, device, tone } = data;
  return (
    <div
      title={`${volume.name} · ${volume.sizeGb} GB${device ? ` · ${device}` : ''}`}
      className={`flex h-full w-full items-center gap-1 rounded-md border border-amber-300 bg-amber-50 px-1.5 text-[10px] text-amber-900 ${selectedRing(selected)}`}
    >
      <Ports ports={data.ports} />
      <DiskIcon width={11} height={11} className="shrink-0" />
      <span className="min-w-0 flex-1 truncate font-medium">{volume.name}</span>
      <span className={`h-1.5 w-1.5 shrink-0 rounded-full ${TONE_DOT[tone]}`} />
    </div>
  );
});
