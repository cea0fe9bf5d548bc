import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { activatedProject, createTestApi, login } from '../test-support/test-api.ts';

it('creates an Ed25519 key pair when no type is named, as an OpenSSH private key that ssh-keygen reads', async () => {
  const { app } = createTestApi();
  const client = await login(app);
  const base = `/projects/${await activatedProject(client)}`;
  const response = await client
    .post(`${base}/key-pairs`, { name: 'default_type' })
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    });
  expect(response.status).toBe(201);
  expect(response.body).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-key-'));
  try {
    const pem = join(dir, 'default_type.pem');
    writeFileSync(pem, response.body as string, { mode: 0o400 });
    expect(execFileSync('ssh-keygen', ['-y', '-f', pem]).toString()).toMatch(/^ssh-ed25519 AAAA/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const listed = (await client.get(`${base}/key-pairs`)).body.items;
  expect(listed.map((keyPair: { algorithm: string }) => keyPair.algorithm)).toEqual(['ssh-ed25519']);
});
