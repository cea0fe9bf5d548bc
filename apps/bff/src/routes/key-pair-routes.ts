import type { Engine, KeyPair } from '@sandcloud/engine';
import { createKeyPairRequestSchema, importKeyPairRequestSchema, type KeyPairDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { listPage, resourceListSpec } from './paginate.ts';

export function keyPairRoutes(engine: Engine): Router {
  const router = Router();
  const { keyPairs, instances } = engine.modules;

  /** How many instances use each key pair name, counted once per response. */
  const instancesPerKey = (projectId: string) => {
    const counts = new Map<string, number>();
    for (const instance of instances.list(projectId)) counts.set(instance.keyName, (counts.get(instance.keyName) ?? 0) + 1);
    return counts;
  };

  const toDto = (keyPair: KeyPair, counts: Map<string, number>): KeyPairDto => ({
    id: keyPair.id,
    name: keyPair.name,
    algorithm: keyPair.algorithm,
    publicKey: keyPair.publicKey,
    fingerprint: keyPair.fingerprint,
    md5Fingerprint: keyPair.md5Fingerprint,
    source: keyPair.source,
    instanceCount: counts.get(keyPair.name) ?? 0,
    createdAt: iso(keyPair.createdAt)!,
  });

  router.get('/key-pairs', (req, res) => {
    const projectId = currentProject(req).id;
    const counts = instancesPerKey(projectId);
    const spec = resourceListSpec<KeyPair, 'key-pairs'>('key-pairs', {
      sort: { algorithm: (keyPair) => keyPair.algorithm, instanceCount: (keyPair) => counts.get(keyPair.name) ?? 0 },
      search: (keyPair) => [keyPair.fingerprint],
      filters: { algorithm: (keyPair) => keyPair.algorithm, source: (keyPair) => keyPair.source },
    });
    res.json(listPage(keyPairs.list(projectId), req.query, spec, (keyPair) => toDto(keyPair, counts)));
  });

  /** The private key is the response body, sent once and never stored: a second download is impossible. */
  router.post('/key-pairs', async (req, res) => {
    const { name, algorithm } = parseInput(createKeyPairRequestSchema, req.body);
    const { keyPair, privateKeyPem } = await keyPairs.create(currentProject(req).id, name, algorithm);
    res
      .status(201)
      .set({
        'Content-Type': 'application/x-pem-file',
        'Content-Disposition': `attachment; filename="${keyPair.name}.pem"`,
        'Cache-Control': 'no-store',
        'X-Key-Pair-Id': keyPair.id,
        'X-Key-Fingerprint': keyPair.fingerprint,
      })
      .send(privateKeyPem);
  });

  router.post('/key-pairs/import', (req, res) => {
    const { name, publicKey } = parseInput(importKeyPairRequestSchema, req.body);
    const projectId = currentProject(req).id;
    res.status(201).json(toDto(keyPairs.import(projectId, name, publicKey), instancesPerKey(projectId)));
  });

  router.delete('/key-pairs/:keyPairId', (req, res) => {
    keyPairs.delete(currentProject(req).id, String(req.params.keyPairId));
    res.status(204).end();
  });

  return router;
}
