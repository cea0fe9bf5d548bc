import { createCipheriv, createDecipheriv, createHash, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { HostKey } from './keys.ts';
import { DISCONNECT, MSG, SshProtocolError, SshReader, SshWriter } from './wire.ts';

// The SSH transport layer (RFC 4253) for a server: version exchange, binary packets, key exchange
// with curve25519-sha256 (RFC 8731) signed by an Ed25519 host key, AES-GCM encryption
// (RFC 5647 as OpenSSH runs it), re-keying when the client asks, and RFC 8308's server-sig-algs.
// Everything above it (authentication, channels) receives decrypted payloads in order.

const KEX_ALGORITHMS = ['curve25519-sha256', 'curve25519-sha256@libssh.org'];
const HOST_KEY_ALGORITHMS = ['ssh-ed25519'];
const CIPHERS: Record<string, { nodeName: 'aes-128-gcm' | 'aes-256-gcm'; keyLength: number }> = {
  'aes128-gcm@openssh.com': { nodeName: 'aes-128-gcm', keyLength: 16 },
  'aes256-gcm@openssh.com': { nodeName: 'aes-256-gcm', keyLength: 32 },
};
// With an AEAD cipher the MAC is not used; a name still has to be offered.
const MACS = ['hmac-sha2-256', 'hmac-sha2-512'];
const COMPRESSION = ['none'];

const MAX_PACKET = 256 * 1024;
const MAX_VERSION_BYTES = 8 * 1024;
const GCM_TAG = 16;

interface DirectionKeys {
  algorithm: 'aes-128-gcm' | 'aes-256-gcm';
  key: Buffer;
  /** 4-byte fixed part + 8-byte invocation counter, incremented after every packet. */
  iv: Buffer;
}

export interface TransportOptions {
  hostKey: HostKey;
  /** The software part of the identification string. */
  software?: string;
  /** Extra `server-sig-algs` etc.: extensions sent after the first NEWKEYS when the client supports them. */
  extensions?: Record<string, string>;
  /** A decrypted message above the transport layer (type ≥ 5, except key exchange). */
  onMessage: (payload: Buffer) => void | Promise<void>;
  onClose: (error?: Error) => void;
}

export class SshTransport {
  private readonly serverVersion: string;
  private clientVersion: string | null = null;
  private pending: Buffer = Buffer.alloc(0);
  private incoming: DirectionKeys | null = null;
  private outgoing: DirectionKeys | null = null;
  private incomingSeq = 0;
  private sessionIdValue: Buffer | null = null;
  private kex: { serverInit: Buffer; clientInit: Buffer | null; cipher: string; ignoreNext: boolean } | null = null;
  private newKeysIn: DirectionKeys | null = null;
  private heldDuringKex: Buffer[] = [];
  private clientWantsExtInfo = false;
  private extInfoSent = false;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: TransportOptions,
  ) {
    this.serverVersion = `SSH-2.0-${options.software ?? 'Sandcloud_1.0'}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.finish(error));
    socket.on('close', () => this.finish());
    socket.write(`${this.serverVersion}\r\n`);
    this.startKex();
  }

  /** The exchange hash of the first key exchange, which signatures in authentication cover. */
  get sessionId(): Buffer {
    if (!this.sessionIdValue) throw new Error('No key exchange yet');
    return this.sessionIdValue;
  }

  /** Sequence number of the last message received, for SSH_MSG_UNIMPLEMENTED. */
  get lastReceivedSequence(): number {
    return (this.incomingSeq - 1) >>> 0;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a message; held back while a key exchange runs, as RFC 4253 §7.1 requires. */
  send(payload: Buffer): void {
    if (this.closed) return;
    if (this.kex || !this.outgoing) this.heldDuringKex.push(payload);
    else this.writePacket(payload);
  }

  disconnect(reasonCode: number, description: string): void {
    if (this.closed) return;
    try {
      this.writePacket(new SshWriter().byte(MSG.DISCONNECT).uint32(reasonCode).string(description).string('').toBuffer());
    } catch {
      // The socket may already be gone.
    }
    this.socket.end();
    this.finish();
  }

  close(): void {
    if (this.closed) return;
    this.socket.destroy();
    this.finish();
  }

  // --- receiving ---------------------------------------------------------------------------

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    try {
      if (this.clientVersion === null && !this.readVersion()) return;
      for (let payload = this.readPacket(); payload; payload = this.readPacket()) {
        // NEWKEYS switches the keys of the very next packet, which may be in this same chunk.
        if (payload[0] === MSG.NEWKEYS) {
          this.onNewKeys();
          continue;
        }
        const message = payload;
        this.chain = this.chain.then(() => this.dispatch(message)).catch((error: unknown) => this.fail(error));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  private readVersion(): boolean {
    for (;;) {
      const end = this.pending.indexOf(0x0a);
      if (end < 0) {
        if (this.pending.length > MAX_VERSION_BYTES) throw new SshProtocolError('No SSH identification string');
        return false;
      }
      const line = this.pending.subarray(0, end).toString('latin1').replace(/\r$/, '');
      this.pending = this.pending.subarray(end + 1);
      // RFC 4253 §4.2 lets a server send other lines first; a client does not, but tolerate it.
      if (!line.startsWith('SSH-')) continue;
      if (!line.startsWith('SSH-2.0-') && !line.startsWith('SSH-1.99-')) {
        throw new SshProtocolError(`Protocol version not supported: ${line}`);
      }
      this.clientVersion = line;
      return true;
    }
  }

  private readPacket(): Buffer | null {
    if (this.pending.length < 4) return null;
    const length = this.pending.readUInt32BE(0);
    if (length < 5 || length > MAX_PACKET) throw new SshProtocolError(`Bad packet length ${length}`);
    const keys = this.incoming;
    const total = 4 + length + (keys ? GCM_TAG : 0);
    if (this.pending.length < total) return null;
    const packet = this.pending.subarray(0, total);
    this.pending = this.pending.subarray(total);
    let body: Buffer;
    if (keys) {
      if (length % 16 !== 0) throw new SshProtocolError('Bad packet length for AES-GCM');
      const decipher = createDecipheriv(keys.algorithm, keys.key, keys.iv);
      decipher.setAAD(packet.subarray(0, 4));
      decipher.setAuthTag(packet.subarray(4 + length));
      try {
        body = Buffer.concat([decipher.update(packet.subarray(4, 4 + length)), decipher.final()]);
      } catch {
        throw new SshProtocolError('Corrupted MAC on input', DISCONNECT.MAC_ERROR);
      }
      incrementIv(keys.iv);
    } else {
      body = packet.subarray(4);
    }
    this.incomingSeq = (this.incomingSeq + 1) >>> 0;
    const paddingLength = body[0]!;
    if (paddingLength < 4 || paddingLength >= body.length) throw new SshProtocolError('Bad padding length');
    return Buffer.from(body.subarray(1, body.length - paddingLength));
  }

  private async dispatch(payload: Buffer): Promise<void> {
    if (this.closed) return;
    const type = payload[0];
    switch (type) {
      case MSG.DISCONNECT:
        this.close();
        return;
      case MSG.IGNORE:
      case MSG.DEBUG:
      case MSG.UNIMPLEMENTED:
        return;
      case MSG.KEXINIT:
        this.onKexInit(payload);
        return;
      case MSG.KEX_ECDH_INIT:
        this.onEcdhInit(payload);
        return;
      default:
        if (this.kex || !this.incoming) {
          throw new SshProtocolError(`Unexpected message ${type} during key exchange`);
        }
        await this.options.onMessage(payload);
    }
  }

  // --- key exchange --------------------------------------------------------------------------

  private startKex(): void {
    const init = new SshWriter()
      .byte(MSG.KEXINIT)
      .raw(randomBytes(16))
      .nameList(KEX_ALGORITHMS)
      .nameList(HOST_KEY_ALGORITHMS)
      .nameList(Object.keys(CIPHERS))
      .nameList(Object.keys(CIPHERS))
      .nameList(MACS)
      .nameList(MACS)
      .nameList(COMPRESSION)
      .nameList(COMPRESSION)
      .nameList([])
      .nameList([])
      .boolean(false)
      .uint32(0)
      .toBuffer();
    this.kex = { serverInit: init, clientInit: null, cipher: '', ignoreNext: false };
    this.writePacket(init);
  }

  private onKexInit(payload: Buffer): void {
    if (!this.kex) this.startKex();
    const kex = this.kex!;
    if (kex.clientInit) throw new SshProtocolError('Second KEXINIT during a key exchange');
    kex.clientInit = payload;
    const reader = new SshReader(payload);
    reader.byte();
    reader.bytes(16);
    const kexAlgorithms = reader.nameList();
    const hostKeyAlgorithms = reader.nameList();
    const ciphersClientToServer = reader.nameList();
    const ciphersServerToClient = reader.nameList();
    reader.nameList();
    reader.nameList();
    const compressionClientToServer = reader.nameList();
    const compressionServerToClient = reader.nameList();
    reader.nameList();
    reader.nameList();
    const firstKexPacketFollows = reader.boolean();

    const kexAlgorithm = choose(kexAlgorithms, KEX_ALGORITHMS, 'key exchange');
    const hostKeyAlgorithm = choose(hostKeyAlgorithms, HOST_KEY_ALGORITHMS, 'host key');
    const cipherIn = choose(ciphersClientToServer, Object.keys(CIPHERS), 'cipher');
    const cipherOut = choose(ciphersServerToClient, Object.keys(CIPHERS), 'cipher');
    choose(compressionClientToServer, COMPRESSION, 'compression');
    choose(compressionServerToClient, COMPRESSION, 'compression');
    if (cipherIn !== cipherOut) throw new SshProtocolError('Different ciphers per direction are not supported', DISCONNECT.KEY_EXCHANGE_FAILED);
    kex.cipher = cipherIn;
    // A guessed first packet is ignored when the guess was wrong (RFC 4253 §7).
    kex.ignoreNext = firstKexPacketFollows && (kexAlgorithms[0] !== kexAlgorithm || hostKeyAlgorithms[0] !== hostKeyAlgorithm);
    if (!this.sessionIdValue) this.clientWantsExtInfo = kexAlgorithms.includes('ext-info-c');
  }

  private onEcdhInit(payload: Buffer): void {
    const kex = this.kex;
    if (!kex?.clientInit) throw new SshProtocolError('KEX_ECDH_INIT before KEXINIT');
    if (kex.ignoreNext) {
      kex.ignoreNext = false;
      return;
    }
    const reader = new SshReader(payload);
    reader.byte();
    const clientPublic = reader.string();
    if (clientPublic.length !== 32) throw new SshProtocolError('Bad curve25519 public key', DISCONNECT.KEY_EXCHANGE_FAILED);

    const { privateKey, publicKey } = generateKeyPairSync('x25519');
    const serverPublic = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const peer = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: clientPublic.toString('base64url') }, format: 'jwk' });
    const shared = diffieHellman({ privateKey, publicKey: peer });
    if (shared.every((byte) => byte === 0)) throw new SshProtocolError('Degenerate curve25519 shared secret', DISCONNECT.KEY_EXCHANGE_FAILED);
    const sharedMpint = new SshWriter().mpint(shared).toBuffer();

    const exchangeHash = sha256(
      new SshWriter()
        .string(this.clientVersion!)
        .string(this.serverVersion)
        .string(kex.clientInit)
        .string(kex.serverInit)
        .string(this.options.hostKey.publicBlob)
        .string(clientPublic)
        .string(serverPublic)
        .raw(sharedMpint)
        .toBuffer(),
    );
    if (!this.sessionIdValue) this.sessionIdValue = exchangeHash;
    const sessionId = this.sessionIdValue;

    const derive = (letter: string, size: number): Buffer => {
      let out = sha256(Buffer.concat([sharedMpint, exchangeHash, Buffer.from(letter), sessionId]));
      while (out.length < size) out = Buffer.concat([out, sha256(Buffer.concat([sharedMpint, exchangeHash, out]))]);
      return out.subarray(0, size);
    };
    const cipher = CIPHERS[kex.cipher]!;
    const keysFor = (ivLetter: string, keyLetter: string): DirectionKeys => ({
      algorithm: cipher.nodeName,
      iv: Buffer.from(derive(ivLetter, 12)),
      key: derive(keyLetter, cipher.keyLength),
    });
    this.newKeysIn = keysFor('A', 'C');
    const outgoing = keysFor('B', 'D');

    this.writePacket(
      new SshWriter()
        .byte(MSG.KEX_ECDH_REPLY)
        .string(this.options.hostKey.publicBlob)
        .string(serverPublic)
        .string(this.options.hostKey.sign(exchangeHash))
        .toBuffer(),
    );
    this.writePacket(Buffer.from([MSG.NEWKEYS]));
    this.outgoing = outgoing;
    this.kex = null;
    if (this.clientWantsExtInfo && !this.extInfoSent) {
      this.extInfoSent = true;
      const extensions = Object.entries(this.options.extensions ?? {});
      const info = new SshWriter().byte(MSG.EXT_INFO).uint32(extensions.length);
      for (const [name, value] of extensions) info.string(name).string(value);
      this.writePacket(info.toBuffer());
    }
    const held = this.heldDuringKex;
    this.heldDuringKex = [];
    for (const message of held) this.writePacket(message);
  }

  private onNewKeys(): void {
    if (!this.newKeysIn) throw new SshProtocolError('NEWKEYS before the key exchange finished');
    this.incoming = this.newKeysIn;
    this.newKeysIn = null;
  }

  // --- sending --------------------------------------------------------------------------------

  private writePacket(payload: Buffer): void {
    if (this.socket.destroyed) return;
    const keys = this.outgoing;
    const block = keys ? 16 : 8;
    // The length field counts in the block for plain packets, not for AES-GCM (it is the AAD).
    const counted = (keys ? 0 : 4) + 1 + payload.length;
    let padding = block - (counted % block);
    if (padding < 4) padding += block;
    const length = 1 + payload.length + padding;
    const header = Buffer.alloc(4);
    header.writeUInt32BE(length);
    const body = Buffer.concat([Buffer.from([padding]), payload, randomBytes(padding)]);
    if (keys) {
      const cipher = createCipheriv(keys.algorithm, keys.key, keys.iv);
      cipher.setAAD(header);
      const encrypted = Buffer.concat([cipher.update(body), cipher.final()]);
      this.socket.write(Buffer.concat([header, encrypted, cipher.getAuthTag()]));
      incrementIv(keys.iv);
    } else {
      this.socket.write(Buffer.concat([header, body]));
    }
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    if (error instanceof SshProtocolError) this.disconnect(error.reasonCode, error.message);
    else {
      this.disconnect(DISCONNECT.BY_APPLICATION, 'Internal error');
      this.finish(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private finish(error?: Error): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.socket.destroyed) this.socket.destroy();
    this.options.onClose(error);
  }
}

function choose(client: readonly string[], server: readonly string[], what: string): string {
  const match = client.find((name) => server.includes(name));
  if (!match) throw new SshProtocolError(`No matching ${what} algorithm (server offers ${server.join(',')})`, DISCONNECT.KEY_EXCHANGE_FAILED);
  return match;
}

function sha256(data: Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

/** The invocation counter: the last 8 bytes of the nonce, big-endian, plus one. */
function incrementIv(iv: Buffer): void {
  for (let index = 11; index >= 4; index--) {
    iv[index] = (iv[index]! + 1) & 0xff;
    if (iv[index] !== 0) break;
  }
}
