// Points at a control: scrolls it into view and rings it for a few seconds. The control may not
// be there yet (the screen is loading after a navigation), so it is looked for for a while.

const RING = ['ring-4', 'ring-amber-400', 'ring-offset-2'];

export function selectorOf(target: { tour?: string; selector?: string }): string | null {
  if (target.tour) return `[data-tour="${target.tour}"]`;
  return target.selector ?? null;
}

export function highlight(selector: string, { waitMs = 4_000, showMs = 3_000 } = {}): () => void {
  let stopped = false;
  let timer: number | undefined;
  const deadline = Date.now() + waitMs;
  const find = () => {
    if (stopped) return;
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) {
      if (Date.now() < deadline) timer = window.setTimeout(find, 100);
      return;
    }
    element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element.classList.add(...RING);
    element.setAttribute('data-tour-highlight', 'true');
    timer = window.setTimeout(() => {
      element.classList.remove(...RING);
      element.removeAttribute('data-tour-highlight');
    }, showMs);
  };
  find();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
