import { EngineError, type Engine, type KeyPair } from '@sandcloud/engine';
import { Router, type Request } from 'express';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { osContext } from '../auth.ts';
import { osTime, parseBody } from '../common.ts';
import { OsError } from '../errors.ts';

/** Nova 2.1 key pairs: name and optional public key (no `type`, that is 2.2). */
const createKeyPairSchema = z.strictObject({
  keypair: z.strictObject({
    // The console's rule for names (a subset of Nova's), so every key pair shows the same in both.
    name: z
      .string()
      .min(1, 'is too short')
      .max(255, 'is too long')
      .regex(/^[A-Za-z0-9_-]+$/, 'Key pair names use letters, digits, "-" and "_" only'),
    public_key: z.string().min(1).max(16_384).optional(),
  }),
});

/** Nova's integer key pair id; Sandcloud's ids are UUIDs, so a stable number derived from one. */
const numericId = (id: string) => createHash('sha1').update(id).digest().readUInt32BE(0) >>> 1;

export function keyPairRoutes(engine: Engine): Router {
  const router = Router();
  const { keyPairs } = engine.modules;
  const projectOf = (req: Request) => osContext(req).project.id;
  const summary = (keyPair: KeyPair) => ({ name: keyPair.name, public_key: keyPair.publicKey, fingerprint: keyPair.md5Fingerprint });
  const find = (req: Request): KeyPair => {
    const keyPair = keyPairs.findByName(projectOf(req), String(req.params.name));
    if (!keyPair) throw new OsError(404, `Keypair ${String(req.params.name)} not found for user ${osContext(req).user.id}`);
    return keyPair;
  };

  router.get('/os-keypairs', (req, res) => {
    res.json({ keypairs: keyPairs.list(projectOf(req)).map((keyPair) => ({ keypair: summary(keyPair) })) });
  });

  router.post('/os-keypairs', async (req, res) => {
    const { keypair } = parseBody(createKeyPairSchema, req.body ?? {});
    const projectId = projectOf(req);
    const userId = osContext(req).user.id;
    try {
      if (keypair.public_key !== undefined) {
        res.json({ keypair: { ...summary(keyPairs.import(projectId, keypair.name, keypair.public_key)), user_id: userId } });
      } else {
        // Nova 2.1 generates RSA (ssh) keys; the engine makes them off the event loop.
        const { keyPair, privateKeyPem } = await keyPairs.create(projectId, keypair.name, 'rsa');
        res.json({ keypair: { ...summary(keyPair), user_id: userId, private_key: privateKeyPem } });
      }
    } catch (error) {
      if (error instanceof EngineError && error.code === 'CONFLICT') throw new OsError(409, `Key pair '${keypair.name}' already exists.`);
      if (error instanceof EngineError && error.code === 'INVALID_INPUT') throw new OsError(400, `Keypair data is invalid: ${error.message}`);
      throw error;
    }
  });

  router.get('/os-keypairs/:name', (req, res) => {
    const keyPair = find(req);
    res.json({
      keypair: {
        ...summary(keyPair),
        user_id: osContext(req).user.id,
        id: numericId(keyPair.id),
        created_at: osTime(keyPair.createdAt),
        updated_at: null,
        deleted: false,
        deleted_at: null,
      },
    });
  });

  router.delete('/os-keypairs/:name', (req, res) => {
    keyPairs.delete(projectOf(req), find(req).id);
    res.status(202).end();
  });

  return router;
}
