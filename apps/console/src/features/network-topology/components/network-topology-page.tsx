import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { TopologyView } from './topology-view.tsx';

/** `[Network] > [Network Topology]`: the project's network as a live graph. */
export function NetworkTopologyPage() {
  const t = useT();
  const { projectId = '' } = useParams();

  useEffect(() => {
    performance.mark('topology:mount');
  }, []);

  return (
    <div className="flex h-[calc(100vh-6rem)] min-h-[560px] flex-col">
      <PageHeader title={t('menu.topology')} description={t('topology.description')} />
      <ReactFlowProvider>
        <TopologyView key={projectId} projectId={projectId} />
      </ReactFlowProvider>
    </div>
  );
}
