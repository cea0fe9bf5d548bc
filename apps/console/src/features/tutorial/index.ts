// The guided tutorial's public surface: the panel beside the screens, its provider and help button
// (the shell), the project overview's card, and the teacher's table (classroom).
export { useTutorialPanel } from './components/tutorial-context.tsx';
export { TutorialHelpButton, TutorialPanel, formatDuration, useHintText } from './components/tutorial-panel.tsx';
export { TutorialOverviewCard } from './components/tutorial-overview-card.tsx';
