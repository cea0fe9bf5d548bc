import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { describeRequest } from './request-context.ts';

const req = (method: string, path: string, body: unknown = {}, projectId?: string) =>
  ({ method, path, body, ...(projectId ? { osContext: { project: { id: projectId } } } : {}) }) as unknown as Request;

describe('what a failed request asked for', () => {
  it('reads the console API: project, kind, id and action', () => {
    expect(describeRequest(req('POST', '/api/projects/p1/instances'))).toEqual({ projectId: 'p1', action: 'create', resourceKind: 'instance', resourceId: null });
    expect(describeRequest(req('POST', '/api/projects/p1/instances/i1/actions', { action: 'stop' }))).toEqual({ projectId: 'p1', action: 'stop', resourceKind: 'instance', resourceId: 'i1' });
    expect(describeRequest(req('DELETE', '/api/projects/p1/security-groups/g1/rules/r1'))).toMatchObject({ action: 'delete', resourceKind: 'security-group', resourceId: 'g1' });
    expect(describeRequest(req('PUT', '/api/projects/p1/quotas'))).toEqual({ projectId: 'p1', action: 'update', resourceKind: 'quota', resourceId: null });
  });

  it('reads the OpenStack APIs: the token project, Nova actions by their body', () => {
    expect(describeRequest(req('POST', '/compute/v2.1/servers/s1/action', { 'os-stop': null }, 'p2'))).toEqual({ projectId: 'p2', action: 'stop', resourceKind: 'instance', resourceId: 's1' });
    expect(describeRequest(req('POST', '/network/v2.0/floatingips', {}, 'p2'))).toMatchObject({ action: 'create', resourceKind: 'floating-ip' });
    expect(describeRequest(req('PUT', '/volume/v3/p2/volumes/v1', {}, 'p2'))).toMatchObject({ action: 'update', resourceKind: 'volume', resourceId: 'v1' });
  });
});
