import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { WorkQueue } from '../core/work-queue.ts';
import { newId } from '../core/ids.ts';
import type { ResourceBase, ResourceStore } from '../store/resource-store.ts';
import type { QuotaGuard } from '../catalog/quota-guard.ts';
import { fingerprintOf, generateKeyPair, md5FingerprintOf, parsePublicKey, type KeyAlgorithm } from './ssh-keys.ts';

/** Only the public half is ever stored; the private key leaves the engine once, in `create`'s result. */
export interface KeyPair extends ResourceBase {
  algorithm: string;
  publicKey: string;
  fingerprint: string;
  md5Fingerprint: string;
  source: 'generated' | 'imported';
}

/** RSA generation takes a thread for up to seconds: one or two at a time, a few waiting, then BUSY. */
const generation = new WorkQueue(2, 8, 'Too many key pairs are being generated right now; try again in a moment');

export class KeyPairService {
  constructor(
    private readonly store: ResourceStore,
    private readonly quotas: QuotaGuard,
  ) {}

  list(projectId: string): KeyPair[] {
    return this.store.list<KeyPair>('key-pair', projectId);
  }

  get(projectId: string, id: string): KeyPair {
    const keyPair = this.store.get<KeyPair>('key-pair', id);
    if (!keyPair || keyPair.projectId !== projectId) throw notFound('key pair', id);
    return keyPair;
  }

  findByName(projectId: string, name: string): KeyPair | undefined {
    return this.store.findByName<KeyPair>('key-pair', projectId, name);
  }

  /**
   * Generates a key pair; the returned private key is not kept anywhere. The name and the quota are
   * checked before the (slow, for RSA) generation, so a refusal is immediate; generation runs off the
   * event loop, and both are checked again in the transaction that inserts.
   */
  async create(projectId: string, name: string, algorithm: KeyAlgorithm): Promise<{ keyPair: KeyPair; privateKeyPem: string }> {
    this.assertNameFree(projectId, name);
    this.quotas.assertRoom(projectId, 'keyPairs', 1);
    const generated = await generation.run(() => generateKeyPair(algorithm, name));
    const keyPair = this.store.transaction(() => {
      this.assertNameFree(projectId, name);
      this.quotas.assertRoom(projectId, 'keyPairs', 1);
      return this.store.insert<KeyPair>('key-pair', {
        id: newId(),
        projectId,
        name,
        status: 'ACTIVE',
        algorithm: algorithm === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519',
        publicKey: generated.publicKey,
        fingerprint: generated.fingerprint,
        md5Fingerprint: md5FingerprintOf(generated.publicKey),
        source: 'generated',
      });
    });
    return { keyPair, privateKeyPem: generated.privateKeyPem };
  }

  import(projectId: string, name: string, publicKeyText: string): KeyPair {
    const parsed = parsePublicKey(publicKeyText);
    if (!parsed.ok) throw invalidInput(parsed.message, 'publicKey').coded('keyPair.publicKeyInvalid', { detail: parsed.message });
    return this.store.transaction(() => {
      this.assertNameFree(projectId, name);
      this.quotas.assertRoom(projectId, 'keyPairs', 1);
      return this.store.insert<KeyPair>('key-pair', {
        id: newId(),
        projectId,
        name,
        status: 'ACTIVE',
        algorithm: parsed.algorithm,
        publicKey: parsed.publicKey,
        fingerprint: fingerprintOf(parsed.publicKey),
        md5Fingerprint: md5FingerprintOf(parsed.publicKey),
        source: 'imported',
      });
    });
  }

  /** Instances keep their authorized key; deleting the key pair only removes it from the list (as Nova). */
  delete(projectId: string, id: string): void {
    this.store.transaction(() => this.store.delete('key-pair', this.get(projectId, id)));
  }

  private assertNameFree(projectId: string, name: string): void {
    if (this.findByName(projectId, name)) throw conflict(`A key pair named ${name} already exists`, 'name').coded('name.taken', { kind: 'key pair', name });
  }
}
