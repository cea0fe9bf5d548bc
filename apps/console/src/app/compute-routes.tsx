import type { RouteObject } from 'react-router-dom';
import { InstancesPage } from '../features/instances/components/instances-page.tsx';

/** One entry per Compute & Network screen; each feature adds its routes here. */
export const computeRoutes: RouteObject[] = [{ path: 'instances', element: <InstancesPage /> }];
