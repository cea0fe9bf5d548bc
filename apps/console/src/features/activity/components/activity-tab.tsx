import { useState } from 'react';
import { Panel } from '../../../components/ui/table.tsx';
import { ActivityTable } from './activity-table.tsx';

/** The "활동 / Activity" tab of a resource's page: the log lines about that one resource. */
export function ActivityTab({ projectId, resourceId }: { projectId: string; resourceId: string }) {
  const [offset, setOffset] = useState(0);
  return (
    <Panel>
      <ActivityTable projectId={projectId} filters={{ resourceId, limit: 20, offset }} onPage={setOffset} showResource={false} />
    </Panel>
  );
}
