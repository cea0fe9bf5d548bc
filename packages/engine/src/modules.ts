import type { Engine } from './engine.ts';
import { NetworkService } from './networking/network-service.ts';

/**
 * The Compute & Network services, wired to the engine's store, clock and scheduler. Each module
 * registers what it creates when the product is activated in a project.
 */
export interface EngineModules {
  network: NetworkService;
}

export function registerModules(engine: Engine): EngineModules {
  const network = new NetworkService(engine.store, { start: '203.0.113.10', end: '203.0.113.250' });
  network.ensurePublicNetwork();
  engine.projects.onActivation((projectId) => network.createDefaultNetwork(projectId));
  return { network };
}
