import { useSyncExternalStore } from 'react';

// Whether the getting-started panel is open: it stays open while the learner moves between
// screens and across reloads (kept in the browser), until closed. A small store of its own, so
// the shell needs no provider around it.

const STORAGE_KEY = 'sandcloud.tutorial.open';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let open = typeof window === 'undefined' ? false : read();

function setOpen(next: boolean): void {
  open = next;
  try {
    window.localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
  } catch {
    // Private mode: the panel simply does not survive a reload.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTutorialPanel(): { open: boolean; setOpen: (open: boolean) => void; toggle: () => void } {
  const current = useSyncExternalStore(subscribe, () => open, () => false);
  return { open: current, setOpen, toggle: () => setOpen(!open) };
}
