import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useTutorialPanel } from './tutorial-context.tsx';

/** The help button of every project screen: opens (or closes) the panel. */
export function TutorialHelpButton() {
  const { t } = useI18n();
  const { open, toggle } = useTutorialPanel();
  return (
    <button
      type="button"
      aria-pressed={open}
      title={t('tutorial.openHint')}
      data-testid="tutorial-help"
      className={`rounded px-2 py-1 hover:bg-slate-800 hover:text-white ${open ? 'bg-slate-800 text-white' : 'text-slate-300'}`}
      onClick={toggle}
    >
      ? {t('tutorial.open')}
    </button>
  );
}
