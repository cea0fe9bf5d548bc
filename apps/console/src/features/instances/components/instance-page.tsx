import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { InstanceVolumesPanel } from '../../block-storage/components/instance-volumes-panel.tsx';
import { FlowLogTab } from '../../flow-logs/components/flow-log-tab.tsx';
import { ConnectTab, ConsoleTab } from '../../instance-console/index.ts';
import { useProjectPermissions } from '../../projects/api/projects.ts';
import { useInstance } from '../api/get-instance.ts';
import { InstanceActionMenu } from './instance-action-menu.tsx';
import { InstanceConnectivityTab } from './instance-connectivity-tab.tsx';
import { InstanceDetailsTab } from './instance-details-tab.tsx';
import { InstanceHistoryTab } from './instance-history-tab.tsx';
import { InstanceStatus } from './instance-status.tsx';

const TABS = ['details', 'volumes', 'console', 'connect', 'connectivity', 'flow-log', 'history'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/** One instance: attributes, volumes, console, how to connect, a connectivity test and history, in tabs (`?tab=`). */
export function InstancePage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '', instanceId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { canWrite } = useProjectPermissions(projectId);
  const instance = useInstance(projectId, instanceId);
  const listPath = paths.computeSection(projectId, 'instances');
  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'details';
  const [consoleOpened, setConsoleOpened] = useState(tab === 'console');
  if (tab === 'console' && !consoleOpened) setConsoleOpened(true);
  const back = (
    <Link to={listPath} className="text-sm text-brand-600 hover:underline">
      ← {t('menu.instances')}
    </Link>
  );

  if (instance.isPending) return <Panel><SkeletonRows /></Panel>;
  if (instance.isError) {
    const gone = instance.error instanceof ApiRequestError && instance.error.status === 404;
    return (
      <Panel>
        <EmptyState
          message={gone ? t('instances.notFound') : errorMessage(instance.error)}
          action={gone ? back : <Button onClick={() => void instance.refetch()}>{t('common.retry')}</Button>}
        />
      </Panel>
    );
  }
  const data = instance.data;

  return (
    <div className="space-y-4">
      <div>{back}</div>
      <div className="flex items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold">{data.name}</h1>
            <InstanceStatus instance={data} />
            <span className="text-xs text-slate-500">{t('instances.powerStateTitle', { state: data.powerState })}</span>
          </div>
          <p className="mt-1 text-sm text-slate-500">
            {data.imageName} · {data.zone} · {data.privateIp ?? '—'}
            {data.floatingIp ? ` · ${data.floatingIp}` : ''}
          </p>
        </div>
        <InstanceActionMenu projectId={projectId} instance={data} canWrite={canWrite} onDeleted={() => void navigate(listPath)} />
      </div>
      <Tabs
        label={data.name}
        items={[
          { id: 'details', label: t('instanceDetail.tab.details') },
          { id: 'volumes', label: t('instanceDetail.tab.volumes') },
          { id: 'console', label: t('instanceConsole.tab') },
          { id: 'connect', label: t('instanceConsole.connectTab') },
          { id: 'connectivity', label: t('instanceDetail.tab.connectivity') },
          { id: 'flow-log', label: t('flowLogs.title') },
          { id: 'history', label: t('instanceDetail.tab.history') },
        ]}
        value={tab}
        onChange={(next) => setSearch(next === 'details' ? {} : { tab: next }, { replace: true })}
      />
      {/* Once opened, the console stays mounted while other tabs show, so its shells survive a tab switch. */}
      {consoleOpened && (
        <div role="tabpanel" hidden={tab !== 'console'}>
          <ConsoleTab projectId={projectId} instance={data} />
        </div>
      )}
      <div role="tabpanel" hidden={tab === 'console'}>
        {tab === 'details' && <InstanceDetailsTab projectId={projectId} instance={data} canWrite={canWrite} />}
        {tab === 'volumes' && <InstanceVolumesPanel projectId={projectId} instance={data} />}
        {tab === 'connect' && <ConnectTab projectId={projectId} instance={data} />}
        {tab === 'connectivity' && <InstanceConnectivityTab projectId={projectId} instance={data} />}
        {tab === 'flow-log' && <FlowLogTab projectId={projectId} instance={data} />}
        {tab === 'history' && <InstanceHistoryTab projectId={projectId} instanceId={data.id} />}
      </div>
    </div>
  );
}
