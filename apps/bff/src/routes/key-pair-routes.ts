import type { Engine, KeyPair } from '@sandcloud/engine';
import { createKeyPairRequestSchema, importKeyPairRequestSchema, pageQuerySchema, type KeyPairDto } from '@sandcloud/api-schemas';
import { Router } from 'express';
import { currentProject } from '../http/project-access.ts';
import { parseInput } from '../http/validate.ts';
import { iso } from './dto.ts';
import { paginate } from './paginate.ts';

export function keyPairRoutes(engine: Engine): Router {
  const router = Router();
  const { keyPairs, instances } = engine.modules;

  const dto = (keyPair: KeyPair): KeyPairDto => ({
    id: keyPair.id,
    name: keyPair.name,
    algorithm: keyPair.algorithm,
    publicKey: keyPair.publicKey,
    fingerprint: keyPair.fingerprint,
    md5Fingerprint: keyPair.md5Fingerprint,
    source: keyPair.source,
    instanceCount: instances.list(keyPair.projectId!).filter((i) => i.keyName === keyPair.name).length,
    createdAt: iso(keyPair.createdAt)!,
  });

  router.get('/key-pairs', (req, res) => {
    res.json(paginate(keyPairs.list(currentProject(req).id).map(dto), parseInput(pageQuerySchema, req.query)));
  });

  /** The private key is the response body, sent once and never stored: a second download is impossible. */
  router.post('/key-pairs', (req, res) => {
    const { name, algorithm } = parseInput(createKeyPairRequestSchema, req.body);
    const { keyPair, privateKeyPem } = keyPairs.create(currentProject(req).id, name, algorithm);
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
    res.status(201).json(dto(keyPairs.import(currentProject(req).id, name, publicKey)));
  });

  router.delete('/key-pairs/:keyPairId', (req, res) => {
    keyPairs.delete(currentProject(req).id, String(req.params.keyPairId));
    res.status(204).end();
  });

  return router;
}
