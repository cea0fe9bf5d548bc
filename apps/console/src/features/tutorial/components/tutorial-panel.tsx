import type { TutorialDto, TutorialStepProgressDto } from '@sandcloud/api-schemas';
import type { TutorialHintLink, TutorialScreen, TutorialStepDefinition } from '@sandcloud/domain';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../../components/ui/button.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { routes, type ProjectRoute } from '../../../lib/routes.ts';
import { useStartTutorial, useTutorials } from '../api/tutorials.ts';
import { highlight, selectorOf } from './highlight.ts';
import { formatDuration, useHintText } from './hint-text.ts';
import { useTutorialPanel } from './tutorial-context.tsx';

// The getting-started panel: beside every screen of the project while open. Each step says what to
// do, points at its control ("Show me": go to the screen, scroll to the control, ring it) and turns
// green only when the engine's check passed; an open step shows why it is probably not done, with
// links to where to look (the flow log, the rule dialog). Texts come from the tutorial's file.

const SCREEN_ROUTES: Record<TutorialScreen, ProjectRoute> = {
  overview: routes.project,
  instances: routes.instances,
  'key-pairs': routes.keyPairs,
  topology: routes.topology,
  'floating-ips': routes.floatingIps,
  'security-groups': routes.securityGroups,
  'block-storage': routes.blockStorage,
  images: routes.images,
  'load-balancers': routes.loadBalancers,
};

export function screenPath(projectId: string, screen: TutorialScreen): string {
  return SCREEN_ROUTES[screen]({ projectId });
}

function linkTarget(projectId: string, link: TutorialHintLink): { to: string; tour?: string } {
  const id = link.id;
  // A link to a resource without its id (none made yet) opens the resource's list instead.
  switch (link.kind) {
    case 'flow-log':
      return { to: id ? routes.instance({ projectId, instanceId: id }, { tab: 'flow-log' }) : routes.instances({ projectId }) };
    case 'rule-dialog':
      return id ? { to: routes.securityGroup({ projectId, groupId: id }), tour: 'add-rule' } : { to: routes.securityGroups({ projectId }) };
    case 'instance':
      return { to: id ? routes.instance({ projectId, instanceId: id }) : routes.instances({ projectId }) };
    case 'load-balancer':
      return { to: id ? routes.loadBalancer({ projectId, loadBalancerId: id }) : routes.loadBalancers({ projectId }) };
    case 'screen':
      return { to: screenPath(projectId, link.screen ?? 'overview') };
  }
}

export function TutorialPanel({ projectId }: { projectId: string }) {
  const { t, language } = useI18n();
  const { setOpen } = useTutorialPanel();
  const tutorials = useTutorials(projectId);
  const tutorial = tutorials.data?.items[0];

  return (
    <aside
      aria-label={t('tutorial.panel')}
      data-testid="tutorial-panel"
      className="sticky top-0 flex max-h-screen w-96 shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white p-4 text-sm"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="font-semibold">{tutorial ? tutorial.definition.title[language] : t('tutorial.panel')}</h2>
        <button type="button" className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100" onClick={() => setOpen(false)}>
          {t('tutorial.close')}
        </button>
      </div>
      {tutorials.isError && <p className="text-red-600">{tutorials.error.message}</p>}
      {tutorials.data && !tutorial && <p className="text-slate-500">{t('tutorial.none')}</p>}
      {tutorial && <TutorialSteps projectId={projectId} tutorial={tutorial} />}
    </aside>
  );
}

function TutorialSteps({ projectId, tutorial }: { projectId: string; tutorial: TutorialDto }) {
  const { t, language } = useI18n();
  const start = useStartTutorial(projectId);
  const { definition, progress } = tutorial;
  const done = progress?.steps.filter((step) => step.done).length ?? 0;

  return (
    <div className="space-y-3">
      <p className="text-slate-600">{definition.summary[language]}</p>
      <div className="flex items-center justify-between">
        {progress && (
          <span data-testid="tutorial-progress" className="text-slate-600">
            {t('tutorial.progress', { done, total: definition.steps.length })}
          </span>
        )}
        <Button variant={progress ? 'secondary' : 'primary'} disabled={start.isPending} onClick={() => start.mutate(definition.id)}>
          {progress ? t('tutorial.restart') : t('tutorial.start')}
        </Button>
      </div>
      {start.isError && <p className="text-red-600">{start.error.message}</p>}
      {progress?.status === 'COMPLETED' && <Summary tutorial={tutorial} />}
      {progress && (
        <ol className="space-y-2">
          {definition.steps.map((step, index) => (
            <StepItem
              key={step.id}
              projectId={projectId}
              index={index}
              step={step}
              state={progress.steps.find((s) => s.id === step.id)}
              current={progress.currentStepId === step.id}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

function StepItem({ projectId, index, step, state, current }: { projectId: string; index: number; step: TutorialStepDefinition; state: TutorialStepProgressDto | undefined; current: boolean }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const hintText = useHintText();
  const stopHighlight = useRef<(() => void) | null>(null);
  useEffect(() => () => stopHighlight.current?.(), []);
  const done = state?.done ?? false;
  const point = (to: string | undefined, selector: string | null) => {
    stopHighlight.current?.();
    if (to && window.location.pathname !== new URL(to, window.location.origin).pathname) void navigate(to);
    if (selector) stopHighlight.current = highlight(selector);
  };
  const target = step.target;

  return (
    <li
      data-testid={`tutorial-step-${step.id}`}
      data-state={done ? 'done' : 'open'}
      className={`rounded border p-3 ${done ? 'border-emerald-300 bg-emerald-50' : current ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`}
    >
      <div className="flex items-start gap-2">
        <span aria-hidden className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${done ? 'bg-emerald-500' : 'bg-slate-400'}`}>
          {done ? '✓' : index + 1}
        </span>
        <div className="min-w-0 flex-1">
          <div className="font-medium">
            {step.title[language]} <span className="sr-only">{done ? t('tutorial.done') : t('tutorial.open.step')}</span>
          </div>
          {done && state?.durationMs != null && <div className="text-xs text-emerald-700">{t('tutorial.took', { duration: formatDuration(state.durationMs) })}</div>}
          {!done && (
            <>
              <p className="mt-1 text-slate-700">{step.body[language]}</p>
              {state?.hint && (
                <div data-testid={`tutorial-hint-${step.id}`} data-hint={state.hint.code} className="mt-2 rounded bg-white p-2 text-amber-900 ring-1 ring-amber-200">
                  <p>{hintText(state.hint)}</p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {state.hint.links.map((link) => {
                      const goal = linkTarget(projectId, link);
                      return (
                        <button
                          key={`${link.kind}-${link.id ?? link.screen ?? ''}`}
                          type="button"
                          className="text-brand-600 underline"
                          onClick={() => point(goal.to, goal.tour ? `[data-tour="${goal.tour}"]` : null)}
                        >
                          {t(`tutorial.link.${link.kind}` as MessageKey)}
                        </button>
                      );
                    })}
                  </div>
                </div>
              )}
              {target && (
                <button
                  type="button"
                  className="mt-2 text-xs text-brand-600 underline"
                  onClick={() => point(target.screen ? screenPath(projectId, target.screen) : undefined, selectorOf(target))}
                >
                  {t('tutorial.showMe')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </li>
  );
}

function Summary({ tutorial }: { tutorial: TutorialDto }) {
  const { t, language } = useI18n();
  const progress = tutorial.progress!;
  const total = progress.completedAt ? Date.parse(progress.completedAt) - Date.parse(progress.startedAt) : 0;
  return (
    <section data-testid="tutorial-summary" className="rounded border border-emerald-300 bg-emerald-50 p-3">
      <p className="font-semibold text-emerald-800">{t('tutorial.completed')}</p>
      <p className="text-xs text-slate-600">{t('tutorial.summary')} · {t('tutorial.total', { duration: formatDuration(total) })}</p>
      <table className="mt-2 w-full text-xs">
        <tbody>
          {tutorial.definition.steps.map((step) => (
            <tr key={step.id}>
              <td className="py-0.5 pr-2">{step.title[language]}</td>
              <td className="py-0.5 text-right tabular-nums">{formatDuration(progress.steps.find((s) => s.id === step.id)?.durationMs ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
