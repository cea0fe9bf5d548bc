import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sshpk from 'sshpk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf, generateKeyPair, md5FingerprintOf, parsePublicKey, type KeyAlgorithm } from './ssh-keys.ts';

// The real OpenSSH tool is the oracle: our output must be what ssh-keygen accepts and prints.
const sshKeygen = (...args: string[]): string =>
  execFileSync('ssh-keygen', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** `ssh-keygen -l` prints "BITS FINGERPRINT COMMENT (TYPE)". */
const fingerprintField = (listing: string): string => listing.split(' ')[1] ?? '';
/** Type + base64, i.e. the public key without its comment. */
const typeAndBlob = (line: string): string => line.trim().split(/\s+/).slice(0, 2).join(' ');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandcloud-ssh-keys-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs real `ssh-keygen -t ...` and returns the path of the key (the .pub is beside it). */
function realKey(name: string, ...typeArgs: string[]): string {
  const path = join(dir, name);
  sshKeygen(...typeArgs, '-N', '', '-C', `${name}@test`, '-q', '-f', path);
  return path;
}

describe('generateKeyPair', () => {
  const cases: Array<[KeyAlgorithm, string, number]> = [
    ['rsa', 'ssh-rsa', 3072],
    ['ed25519', 'ssh-ed25519', 256],
  ];

  it.each(cases)('%s: OpenSSH reads the private key and agrees on public key and fingerprint', async (algorithm, type, bits) => {
    const pair = await generateKeyPair(algorithm, 'alice@sandcloud');
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
    expect(pair.publicKey).toMatch(new RegExp(`^${type} AAAA[A-Za-z0-9+/]+=* alice@sandcloud$`));
    expect(pair.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    const pem = join(dir, `generated-${algorithm}.pem`);
    writeFileSync(pem, pair.privateKeyPem, { mode: 0o600 }); // ssh-keygen refuses group/world-readable keys

    expect(typeAndBlob(sshKeygen('-y', '-f', pem))).toBe(typeAndBlob(pair.publicKey));
    const listing = sshKeygen('-l', '-f', pem);
    expect(fingerprintField(listing)).toBe(pair.fingerprint);
    expect(listing.split(' ')[0]).toBe(String(bits));
    expect(fingerprintOf(pair.publicKey)).toBe(pair.fingerprint);
  });

  it('generates a different key every time', async () => {
    expect((await generateKeyPair('ed25519', 'x')).fingerprint).not.toBe((await generateKeyPair('ed25519', 'x')).fingerprint);
  });

  it('keeps the comment on one line', async () => {
    const pair = await generateKeyPair('ed25519', '  bob\n  laptop  ');
    expect(pair.publicKey.endsWith(' bob laptop')).toBe(true);
    expect((await generateKeyPair('ed25519', '')).publicKey.split(' ')).toHaveLength(2);
  });
});

describe('parsePublicKey with keys made by ssh-keygen', () => {
  it.each([
    ['ed25519', ['-t', 'ed25519']],
    ['rsa-2048', ['-t', 'rsa', '-b', '2048']],
    ['ecdsa-256', ['-t', 'ecdsa', '-b', '256']],
    ['ecdsa-384', ['-t', 'ecdsa', '-b', '384']],
    ['ecdsa-521', ['-t', 'ecdsa', '-b', '521']],
  ])('%s: same fingerprints as ssh-keygen -l, comment kept', (name, typeArgs) => {
    const path = realKey(name, ...typeArgs);
    const pub = readFileSync(`${path}.pub`, 'utf8');
    const parsed = parsePublicKey(pub);
    if (!parsed.ok) throw new Error(parsed.message);

    expect(parsed.fingerprint).toBe(fingerprintField(sshKeygen('-l', '-f', `${path}.pub`)));
    expect(parsed.publicKey).toBe(pub.trim());
    expect(parsed.algorithm).toBe(pub.split(' ')[0]);
    expect(`MD5:${md5FingerprintOf(parsed.publicKey)}`).toBe(
      fingerprintField(sshKeygen('-l', '-E', 'md5', '-f', `${path}.pub`)),
    );
  });

  it('normalises surrounding and repeated whitespace but keeps the whole comment', () => {
    const pub = readFileSync(`${realKey('spaces', '-t', 'ed25519')}.pub`, 'utf8').trim();
    const [type, blob] = pub.split(' ');
    const parsed = parsePublicKey(`\n  ${type} \t ${blob}   my   work laptop \r\n`);
    expect(parsed).toEqual({
      ok: true,
      algorithm: 'ssh-ed25519',
      publicKey: `${type} ${blob} my work laptop`,
      fingerprint: fingerprintOf(pub),
    });
  });
});

describe('parsePublicKey refusals', () => {
  const refusal = (text: string): string => {
    const parsed = parsePublicKey(text);
    if (parsed.ok) throw new Error(`accepted: ${text.slice(0, 60)}`);
    return parsed.message;
  };

  it('empty input', () => {
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('  \n\t ')).toMatch(/empty/);
  });

  it('a private key pasted by mistake (OpenSSH, PEM and PKCS#8)', async () => {
    const message = 'This looks like a private key; paste the public key (.pub).';
    expect(refusal((await generateKeyPair('ed25519', 'x')).privateKeyPem)).toBe(message);
    expect(refusal(readFileSync(realKey('pasted', '-t', 'ed25519'), 'utf8'))).toBe(message);
    const pkcs8 = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(refusal(pkcs8)).toBe(message);
    expect(refusal('-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----')).toBe(message);
  });

  it('garbage', () => {
    expect(refusal('hello world')).toMatch(/not an OpenSSH public key/);
    expect(refusal('AAAAC3NzaC1lZDI1NTE5AAAAI')).toMatch(/not an OpenSSH public key/);
    expect(refusal('ssh-ed25519')).toMatch(/not valid base64/);
    expect(refusal('ssh-ed25519 not*base64! me')).toMatch(/not valid base64/);
  });

  it('corrupted or mislabelled key data', async () => {
    const pub = (await generateKeyPair('ed25519', '')).publicKey;
    const [, blob = ''] = pub.split(' ');
    expect(refusal(`ssh-ed25519 ${blob.slice(0, 40)}`)).toMatch(/truncated or corrupted|not valid base64/);
    expect(refusal(`ssh-rsa ${blob}`)).toBe('The key data is a "ssh-ed25519" key but the line says "ssh-rsa".');
  });

  it('two keys at once', async () => {
    const a = (await generateKeyPair('ed25519', 'a')).publicKey;
    const b = (await generateKeyPair('ed25519', 'b')).publicKey;
    expect(refusal(`${a}\n${b}`)).toMatch(/single public key/);
  });

  it('RSA shorter than 2048 bits', () => {
    const pub = readFileSync(`${realKey('rsa-1024', '-t', 'rsa', '-b', '1024')}.pub`, 'utf8');
    expect(refusal(pub)).toBe('This RSA key is 1024 bits; at least 2048 bits are required.');
  });

  it('unsupported types (ssh-dss, unknown)', async () => {
    // Build a genuine ssh-dss line without ssh-keygen: OpenSSH 10 dropped DSA entirely.
    const dsa = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
    const dssLine = sshpk.parseKey(dsa.publicKey.export({ type: 'spki', format: 'pem' }), 'pem').toString('ssh');
    expect(dssLine).toMatch(/^ssh-dss AAAA/);
    expect(refusal(dssLine)).toMatch(/DSA \(ssh-dss\) keys are not supported/);

    const [, blob] = (await generateKeyPair('ed25519', '')).publicKey.split(' ');
    expect(refusal(`sk-ssh-ed25519@openssh.com ${blob}`)).toMatch(/Unsupported key type "sk-ssh-ed25519@openssh.com"/);
  });

  it('an RFC 4716 (SSH2) public key', () => {
    const pub = `${realKey('ssh2', '-t', 'ed25519')}.pub`;
    expect(refusal(sshKeygen('-e', '-f', pub))).toMatch(/ssh-keygen -i/);
  });
});

describe('fingerprint helpers', () => {
  it('refuse a line that is not a public key', () => {
    expect(() => fingerprintOf('nonsense')).toThrow();
    expect(() => md5FingerprintOf('')).toThrow();
  });
});
