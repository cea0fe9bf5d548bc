import { lazy } from 'react';

// The guided tutorial's public surface: the panel beside the screens, its provider and help button
// (the shell), the project overview's card, and the teacher's table (classroom). The help button is
// on every project screen; the panel (shown while open) and the card load when first shown.
export { useTutorialPanel } from './components/tutorial-context.tsx';
export { TutorialHelpButton } from './components/tutorial-help-button.tsx';
export { formatDuration, useHintText } from './components/hint-text.ts';
export const TutorialPanel = lazy(() => import('./components/tutorial-panel.tsx').then((module) => ({ default: module.TutorialPanel })));
export const TutorialOverviewCard = lazy(() => import('./components/tutorial-overview-card.tsx').then((module) => ({ default: module.TutorialOverviewCard })));
