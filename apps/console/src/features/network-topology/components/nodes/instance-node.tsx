import { useStore, type Node, type NodeProps } from '@xyflow/react';
import type { TopologyTest } from '@sandcloud/api-schemas';
import { CONNECTIVITY_TESTS } from '@sandcloud/domain';
import { memo, useContext } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import type { WithPorts } from '../flow-elements.ts';
import type { InstanceData, Verdicts } from '../../model/types.ts';
import { CheckIcon, CrossIcon, DiskIcon, GlobeIcon, ServerIcon } from '../icons.tsx';
import { isZoomedOut, Ports, selectedRing, TONE_BAR, TONE_COMPACT, TONE_DOT, TONE_TEXT, TopologyActionsContext } from './node-parts.tsx';

export type InstanceNodeType = Node<WithPorts<InstanceData>, 'instance'>;

export const PROTOCOL: Record<TopologyTest, string> = { ping: 'ICMP', ssh: 'SSH', http: 'HTTP' };

/** An instance: name, private IP, status colour, its floating IP, and the overlay's verdicts. */
export const InstanceNode = memo(function InstanceNode({ data, selected }: NodeProps<InstanceNodeType>) {
  const t = useT();
  const zoomedOut = useStore(isZoomedOut);
  const { instance, tone, verdicts, volumeCount } = data;
  if (zoomedOut) {
    return (
      <div className={`h-full w-full rounded-md border-2 ${TONE_COMPACT[tone]} ${selectedRing(selected)}`}>
        <Ports ports={data.ports} />
      </div>
    );
  }
  return (
    <div className={`relative flex h-full w-full overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm transition-shadow hover:shadow-md ${selectedRing(selected)}`}>
      <Ports ports={data.ports} />
      <span aria-hidden className={`w-1 shrink-0 ${TONE_BAR[tone]}`} />
      <div className="flex min-w-0 flex-1 flex-col justify-between px-2.5 py-2">
        <div className="flex items-center gap-1.5">
          <ServerIcon className="shrink-0 text-slate-500" width={14} height={14} />
          <span className="truncate text-[13px] font-semibold text-slate-900" title={instance.name}>
            {instance.name}
          </span>
          <span className={`ml-auto flex shrink-0 items-center gap-1 text-[10px] font-medium ${TONE_TEXT[tone]}`}>
            <span className={`h-1.5 w-1.5 rounded-full ${TONE_DOT[tone]}`} />
            {instance.taskState ?? instance.status}
          </span>
        </div>
        <div className="flex items-center gap-2 font-mono text-[11px] text-slate-600">
          <span>{instance.privateIp ?? '—'}</span>
          {instance.floatingIp && (
            <span className="flex items-center gap-0.5 rounded bg-brand-50 px-1 text-brand-700">
              <GlobeIcon width={10} height={10} />
              {instance.floatingIp}
            </span>
          )}
        </div>
        {verdicts ? (
          <VerdictChips instanceId={instance.id} verdicts={verdicts} />
        ) : (
          <div className="flex items-center gap-2 truncate text-[10px] text-slate-400">
            <span className="truncate">{data.securityGroupNames.join(', ')}</span>
            {volumeCount > 0 && (
              <span className="ml-auto flex shrink-0 items-center gap-0.5" title={t('topology.node.volumeCount', { count: volumeCount })}>
                <DiskIcon width={10} height={10} />
                {volumeCount}
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  );
});

/** ICMP / SSH / HTTP from the Internet: green gets through, red is blocked (click for why). */
function VerdictChips({ instanceId, verdicts }: { instanceId: string; verdicts: Verdicts }) {
  const t = useT();
  const { showWhy } = useContext(TopologyActionsContext);
  return (
    <div className="flex gap-1" data-testid={`verdicts-${instanceId}`}>
      {CONNECTIVITY_TESTS.map((test) => {
        const { allowed, reason } = verdicts[test];
        const verdict = t(allowed ? 'topology.verdict.allowed' : 'topology.verdict.blocked');
        return (
          <button
            key={test}
            type="button"
            data-verdict={allowed ? 'allowed' : 'blocked'}
            title={reason.message}
            aria-label={allowed ? t('topology.verdict.chip', { protocol: PROTOCOL[test], verdict }) : t('topology.verdict.why', { protocol: PROTOCOL[test] })}
            onClick={(event) => {
              // The panel opens on this verdict; the node's own click would open it on nothing in particular.
              event.stopPropagation();
              showWhy(instanceId, test);
            }}
            className={`nodrag flex items-center gap-0.5 rounded px-1 py-px text-[10px] font-semibold ring-1 ring-inset ${
              allowed ? 'bg-emerald-50 text-emerald-700 ring-emerald-600/25' : 'bg-red-50 text-red-700 ring-red-600/25 hover:bg-red-100'
            }`}
          >
            {allowed ? <CheckIcon width={9} height={9} /> : <CrossIcon width={9} height={9} />}
            {PROTOCOL[test]}
            <span className="sr-only"> {verdict}</span>
          </button>
        );
      })}
    </div>
  );
}
