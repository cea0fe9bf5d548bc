import type { InstanceDto } from '@sandcloud/api-schemas';
import { useState, type KeyboardEvent } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Panel } from '../../../components/ui/table.tsx';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useProjectPermissions } from '../../../lib/projects.ts';
import { TerminalSession } from './terminal-session.tsx';

/** A console needs a running guest: ACTIVE with no power operation in flight. */
const isRunning = (instance: InstanceDto) => instance.status === 'ACTIVE' && !instance.taskState;

/**
 * "콘솔": terminals logged in to the instance, one per session (sub-tabs, `+ 새 세션`). Each session
 * is its own shell; hidden sessions stay connected. Members and admins only.
 */
export function ConsoleTab({ projectId, instance }: { projectId: string; instance: InstanceDto }) {
  const t = useT();
  const { role, canWrite } = useProjectPermissions(projectId);
  const running = isRunning(instance);
  // Session numbers; the first session opens with the tab when the instance runs.
  const [sessions, setSessions] = useState<number[]>(() => (running ? [1] : []));
  const [selected, setSelected] = useState(1);
  const [nextNumber, setNextNumber] = useState(() => (running ? 2 : 1));

  if (role === undefined) return <Panel><SkeletonRows /></Panel>;
  if (!canWrite) {
    return (
      <Panel className="p-5">
        <Alert tone="info">{t('instanceConsole.viewerDenied')}</Alert>
      </Panel>
    );
  }

  const notRunning = running ? undefined : t('instanceConsole.notActive', { status: instance.taskState ?? instance.status });
  const open = () => {
    setSessions((current) => [...current, nextNumber]);
    setSelected(nextNumber);
    setNextNumber((n) => n + 1);
  };
  const close = (number: number) => {
    const index = sessions.indexOf(number);
    const rest = sessions.filter((n) => n !== number);
    setSessions(rest);
    if (number === selected) setSelected(rest[Math.min(index, rest.length - 1)] ?? 0);
  };
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    // The × buttons are for the mouse (a tab list holds only tabs): Delete closes the focused session.
    if (event.key === 'Delete') return close(selected);
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = sessions.indexOf(selected);
    const next = sessions[(index + (event.key === 'ArrowRight' ? 1 : sessions.length - 1)) % sessions.length];
    if (next === undefined) return;
    setSelected(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-session="${next}"]`)?.focus();
  };

  return (
    <Panel className="space-y-3 p-4">
      <div className="flex items-center justify-between gap-3">
        <div role={sessions.length > 0 ? 'tablist' : undefined} aria-label={sessions.length > 0 ? t('instanceConsole.sessions', { name: instance.name }) : undefined} className="flex flex-wrap gap-1" onKeyDown={move}>
          {sessions.map((number) => {
            const isSelected = number === selected;
            return (
              <span key={number} className={`inline-flex items-center rounded-t border-b-2 ${isSelected ? 'border-brand-500' : 'border-transparent'}`}>
                <button
                  type="button"
                  role="tab"
                  data-session={number}
                  aria-selected={isSelected}
                  tabIndex={isSelected ? 0 : -1}
                  aria-keyshortcuts="Delete"
                  onClick={() => setSelected(number)}
                  className={`px-3 py-1.5 font-mono text-sm ${isSelected ? 'text-brand-700' : 'text-slate-500 hover:text-slate-800'}`}
                >
                  {instance.name} {t('instanceConsole.sessionTab', { n: number })}
                </button>
                <button
                  type="button"
                  aria-hidden="true"
                  tabIndex={-1}
                  title={t('instanceConsole.closeSession', { n: number })}
                  onClick={() => close(number)}
                  className="rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
                >
                  ×
                </button>
              </span>
            );
          })}
        </div>
        <Button onClick={open} disabledReason={notRunning}>
          {t('instanceConsole.newSession')}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t('instanceConsole.description')}</p>
      {notRunning && (
        <Alert tone="info" title={notRunning}>
          {t('instanceConsole.notActiveHint')}
        </Alert>
      )}
      {sessions.length === 0 && running && <EmptyState message={t('instanceConsole.noSessions')} />}
      {sessions.map((number) => (
        <TerminalSession
          key={number}
          projectId={projectId}
          instanceId={instance.id}
          label={t('instanceConsole.region', { name: instance.name, n: number })}
          visible={number === selected}
          reconnectDisabledReason={notRunning}
        />
      ))}
    </Panel>
  );
}
