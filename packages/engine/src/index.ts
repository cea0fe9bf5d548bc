export { Engine, createEngine, type EngineOptions } from './engine.ts';
export { ManualClock, SystemClock, type Clock } from './core/clock.ts';
export { EngineError, type EngineErrorCode } from './core/errors.ts';
export type { ResourceEvent } from './core/events.ts';
export { allowedActions, type TransitionTable } from './core/state-machine.ts';
export type { User, Session, Language } from './identity/identity-service.ts';
export type { Project, ProjectRole, ProjectMember, Permission } from './projects/project-service.ts';
export type { Network, Subnet, Router, Port } from './networking/network-service.ts';
