import { Button } from '../../../components/ui/button.tsx';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useStartTutorial, useTutorials } from '../api/tutorials.ts';
import { useTutorialPanel } from './tutorial-context.tsx';

/** The project overview's entry to the guide: opens the panel, starting the tutorial the first time. */
export function TutorialOverviewCard({ projectId }: { projectId: string }) {
  const { t, language } = useI18n();
  const { setOpen } = useTutorialPanel();
  const tutorials = useTutorials(projectId);
  const start = useStartTutorial(projectId);
  const tutorial = tutorials.data?.items[0];
  if (!tutorial) return null;
  const done = tutorial.progress?.steps.filter((step) => step.done).length ?? 0;
  return (
    <section className="mt-4 flex items-center justify-between rounded-lg border border-slate-200 bg-white p-5">
      <div>
        <div className="font-medium">{tutorial.definition.title[language]}</div>
        <div className="text-sm text-slate-600">
          {tutorial.progress ? t('tutorial.progress', { done, total: tutorial.definition.steps.length }) : tutorial.definition.summary[language]}
        </div>
      </div>
      <Button
        variant="primary"
        data-testid="tutorial-open-overview"
        disabled={start.isPending}
        onClick={() => {
          if (!tutorial.progress) start.mutate(tutorial.definition.id);
          setOpen(true);
        }}
      >
        {t('tutorial.open')}
      </Button>
    </section>
  );
}
