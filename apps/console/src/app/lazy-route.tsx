import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';

/**
 * A route whose screen is its own chunk: the module loads when the route is first matched, so the
 * initial download holds only the shell (router, providers, layout) and the screen opened. Heavy
 * libraries (xterm, React Flow, ELK) stay in the chunks of the screens that import them.
 */
export function lazyScreen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement'> {
  return {
    lazy: async () => ({ Component: pick(await load()) }),
    hydrateFallbackElement: <div aria-busy="true" />,
  };
}
