import ssh2, { type ParsedKey } from 'ssh2';

// The public keys of an `authorized_keys` file, as sshd reads it: one key a line, `#` comments,
// optional leading options (`from="…",no-pty ssh-ed25519 AAAA… comment`) skipped, lines that are
// not a key ignored.

const KEY_TYPE = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521))$/;

export function parseAuthorizedKeys(text: string): ParsedKey[] {
  const keys: ParsedKey[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const fields = trimmed.split(/\s+/);
    const at = fields.findIndex((field) => KEY_TYPE.test(field));
    if (at < 0 || !fields[at + 1]) continue;
    const parsed = ssh2.utils.parseKey(`${fields[at]} ${fields[at + 1]}`);
    if (!(parsed instanceof Error)) keys.push(Array.isArray(parsed) ? parsed[0]! : parsed);
  }
  return keys;
}

/** Whether the client's key is one of `keys`, and (once it sent one) its signature is valid. */
export function isAuthorizedKey(keys: readonly ParsedKey[], offered: { algo: string; data: Buffer }, proof?: { blob: Buffer; signature: Buffer; hashAlgo?: string }): boolean {
  const key = keys.find((candidate) => candidate.getPublicSSH().equals(offered.data));
  if (!key) return false;
  return proof ? key.verify(proof.blob, proof.signature, proof.hashAlgo) === true : true;
}
