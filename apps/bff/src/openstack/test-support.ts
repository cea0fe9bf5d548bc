import { execFileSync } from 'node:child_process';
import { isIPv4, isIPv6 } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import request from 'supertest';
import { activatedProject, createTestApi, login, ADMIN } from '../test-support/test-api.ts';

/** An API on an in-memory engine, the admin's activated project `demo`, and a token scoped to it. */
export async function openstackTestApi() {
  const api = createTestApi();
  const client = await login(api.app);
  const projectId = await activatedProject(client);
  const token = await issueToken(api.app, { project: { id: projectId } });
  const os = {
    get: (path: string) => request(api.app).get(path).set('X-Auth-Token', token),
    head: (path: string) => request(api.app).head(path).set('X-Auth-Token', token),
    post: (path: string, body?: unknown) => request(api.app).post(path).set('X-Auth-Token', token).send(body as object),
    put: (path: string, body: unknown) => request(api.app).put(path).set('X-Auth-Token', token).send(body as object),
    patch: (path: string, body: unknown, type = 'application/openstack-images-v2.1-json-patch') =>
      request(api.app).patch(path).set('X-Auth-Token', token).set('Content-Type', type).send(JSON.stringify(body)),
    delete: (path: string) => request(api.app).delete(path).set('X-Auth-Token', token),
  };
  return { ...api, client, projectId, token, os };
}

export function passwordAuth(scope: object | undefined, user: object = { name: ADMIN.username, domain: { name: 'Default' }, password: ADMIN.password }) {
  return { auth: { identity: { methods: ['password'], password: { user } }, ...(scope ? { scope } : {}) } };
}

export async function issueToken(app: Parameters<typeof request>[0], scope?: object, user?: object): Promise<string> {
  const response = await request(app).post('/identity/v3/auth/tokens').send(passwordAuth(scope, user)).expect(201);
  return response.headers['x-subject-token'] as string;
}

type SchemaSet = Record<string, { status_code: number[]; response_body?: object }>;

/**
 * Tempest's compute response schemas, read from Debian's `tempest` package at test time (the exact
 * shapes Tempest checks a real Nova against) and compiled with Ajv. Tempest's custom formats are
 * given their meaning here: `iso8601-date-time`, `ipv4`, `ipv6`, `uri`, `uuid`.
 */
export function tempestSchemas(names: Record<string, string>): Record<string, { status: number[]; validate: ValidateFunction }> {
  const script = [
    'import json, importlib',
    `names = ${JSON.stringify(names)}`,
    'out = {}',
    'for key, path in names.items():',
    '    module, attr = path.rsplit(".", 1)',
    '    out[key] = getattr(importlib.import_module("tempest.lib.api_schema.response.compute.v2_1." + module), attr)',
    'print(json.dumps(out))',
  ].join('\n');
  const schemas = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' })) as SchemaSet;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('iso8601-date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value));
  ajv.addFormat('ipv4', (value: string) => isIPv4(value));
  ajv.addFormat('ipv6', (value: string) => isIPv6(value));
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uuid', (value: string) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value));
  return Object.fromEntries(
    Object.entries(schemas).map(([key, schema]) => [key, { status: schema.status_code, validate: ajv.compile(schema.response_body ?? {}) }]),
  );
}

/** Asserts a response matches a Tempest schema (status and body), printing Ajv's errors if not. */
export function expectSchema(schema: { status: number[]; validate: ValidateFunction }, response: { status: number; body: unknown }): void {
  if (!schema.status.includes(response.status)) throw new Error(`status ${response.status} is not one of ${schema.status.join(', ')}: ${JSON.stringify(response.body)}`);
  if (!schema.validate(response.body)) throw new Error(`body does not match Tempest's schema: ${JSON.stringify(schema.validate.errors, null, 1)}\n${JSON.stringify(response.body)}`);
}
