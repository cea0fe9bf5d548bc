import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { BackLink, DetailFallback, DetailHeader } from '../../../components/ui/detail-page.tsx';
import { Tabs, useTabParam } from '../../../components/ui/tabs.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { routes } from '../../../lib/routes.ts';
import { InstanceVolumesPanel } from '../../block-storage/index.ts';
import { ActivityTab } from '../../activity/index.ts';
import { FlowLogTab } from '../../flow-logs/index.ts';
import { InstanceMonitoringTab } from '../../metrics/index.ts';
import { ConnectTab, ConsoleTab } from '../../instance-console/index.ts';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { useInstance } from '../api/get-instance.ts';
import { InstanceActionMenu } from './instance-action-menu.tsx';
import { InstanceConnectivityTab } from './instance-connectivity-tab.tsx';
import { InstanceConsoleLogTab } from './instance-console-log-tab.tsx';
import { InstanceDetailsTab } from './instance-details-tab.tsx';
import { InstanceHistoryTab } from './instance-history-tab.tsx';
import { InstanceStatus } from './instance-status.tsx';
import { ResizeBanner } from './resize-banner.tsx';

const TABS = ['details', 'volumes', 'console', 'console-log', 'connect', 'connectivity', 'flow-log', 'history', 'monitoring', 'activity'] as const;

/** One instance: attributes, volumes, console, console log, how to connect, a connectivity test and history, in tabs (`?tab=`). */
export function InstancePage() {
  const t = useT();
  const navigate = useNavigate();
  const { projectId = '', instanceId = '' } = useParams();
  const [tab, setTab] = useTabParam(TABS);
  const { canWrite } = useProjectPermissions(projectId);
  const instance = useInstance(projectId, instanceId);
  const listPath = routes.instances({ projectId });
  const [consoleOpened, setConsoleOpened] = useState(tab === 'console');
  if (tab === 'console' && !consoleOpened) setConsoleOpened(true);
  const back = <BackLink to={listPath} label={t('menu.instances')} />;

  if (!instance.isSuccess) return <DetailFallback query={instance} back={back} notFoundMessage={t('instances.notFound')} />;
  const data = instance.data;

  return (
    <div className="space-y-4">
      <div>{back}</div>
      <DetailHeader
        title={data.name}
        badges={
          <>
            <InstanceStatus instance={data} />
            <span className="text-xs text-slate-500">{t('instances.powerStateTitle', { state: data.powerState })}</span>
          </>
        }
        summary={
          <>
            {data.imageName} · {data.zone} · {data.privateIp ?? '—'}
            {data.floatingIp ? ` · ${data.floatingIp}` : ''}
          </>
        }
        actions={<InstanceActionMenu projectId={projectId} instance={data} canWrite={canWrite} onDeleted={() => void navigate(listPath)} />}
      />
      <ResizeBanner projectId={projectId} instance={data} canWrite={canWrite} />
      <Tabs
        label={data.name}
        items={[
          { id: 'details', label: t('instanceDetail.tab.details') },
          { id: 'volumes', label: t('instanceDetail.tab.volumes') },
          { id: 'console', label: t('instanceConsole.tab') },
          { id: 'console-log', label: t('instanceDetail.tab.consoleLog') },
          { id: 'connect', label: t('instanceConsole.connectTab') },
          { id: 'connectivity', label: t('instanceDetail.tab.connectivity') },
          { id: 'flow-log', label: t('flowLogs.title') },
          { id: 'history', label: t('instanceDetail.tab.history') },
          { id: 'monitoring', label: t('metrics.title') },
          { id: 'activity', label: t('activity.tab') },
        ]}
        value={tab}
        onChange={setTab}
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
        {tab === 'console-log' && <InstanceConsoleLogTab projectId={projectId} instance={data} />}
        {tab === 'connect' && <ConnectTab projectId={projectId} instance={data} />}
        {tab === 'connectivity' && <InstanceConnectivityTab projectId={projectId} instance={data} />}
        {tab === 'flow-log' && <FlowLogTab projectId={projectId} instance={data} />}
        {tab === 'history' && <InstanceHistoryTab projectId={projectId} instanceId={data.id} />}
        {tab === 'monitoring' && <InstanceMonitoringTab projectId={projectId} instanceId={data.id} />}
        {tab === 'activity' && <ActivityTab projectId={projectId} resourceId={data.id} />}
      </div>
    </div>
  );
}
