import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors.ts';
import { inspectCertificate } from './certificates.ts';

/** A self-signed P-256 certificate for lb.example.test, valid for a century from 2026-11-27. */
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBizCCATGgAwIBAgIUe2kD+LPNek+RZzKhJtD+iHyCE24wCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPbGIuZXhhbXBsZS50ZXN0MCAXDTI2MTEyNzE1NTQyOFoYDzIx
MjYxMTAzMTU1NDI4WjAaMRgwFgYDVQQDDA9sYi5leGFtcGxlLnRlc3QwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAASpo9I4C11q66/aBLOgXfR0spd3tcB6tkKhSsqP
ck7Qk1f0w3d+0N/VzM/yWbkLfL8OAAbbHi3lmOC93TkQsg2Co1MwUTAdBgNVHQ4E
FgQUcjw3iRB6MuCUIkSVeNJVRlMQ6j8wHwYDVR0jBBgwFoAUcjw3iRB6MuCUIkSV
eNJVRlMQ6j8wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiBkKLWp
fcp3nBpatcNXrBN9qrRjpTmXBxYr9I/KkBNiNgIhAI+kTFbE7hIQG4dvsPAnSIwx
JsGTZbNaJ2WMOPCSpdjr
-----END CERTIFICATE-----`;
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgDcxfbzAyQ70w3X3U
YpB80sq91cNYcHT/i9UNKBq8KUWhRANCAASpo9I4C11q66/aBLOgXfR0spd3tcB6
tkKhSsqPck7Qk1f0w3d+0N/VzM/yWbkLfL8OAAbbHi3lmOC93TkQsg2C
-----END PRIVATE KEY-----`;
const NOW = Date.UTC(2027, 0, 1);

function problem(run: () => unknown): { field: string | undefined; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('TERMINATED_HTTPS certificates', () => {
  it('accepts a certificate with its own key and describes it', () => {
    const info = inspectCertificate(CERTIFICATE, KEY, NOW);
    expect(info.subject).toBe('CN=lb.example.test');
    expect(info.notAfter).toBeGreaterThan(NOW);
    expect(info.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a key that belongs to another certificate', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(problem(() => inspectCertificate(CERTIFICATE, other, NOW))).toEqual({
      field: 'listener.tls.privateKeyPem',
      message: 'The private key does not belong to the certificate',
    });
  });

  it('refuses text that is not a certificate or a key', () => {
    expect(problem(() => inspectCertificate('hello', KEY, NOW)).field).toBe('listener.tls.certificatePem');
    expect(problem(() => inspectCertificate(KEY, KEY, NOW)).field).toBe('listener.tls.certificatePem');
    const broken = CERTIFICATE.split('\n').filter((_, index) => index !== 3).join('\n');
    expect(problem(() => inspectCertificate(broken, KEY, NOW)).message).toMatch(/not a valid PEM X.509/);
    expect(problem(() => inspectCertificate(CERTIFICATE, CERTIFICATE, NOW)).field).toBe('listener.tls.privateKeyPem');
    expect(problem(() => inspectCertificate(CERTIFICATE, KEY.split('\n').filter((_, index) => index !== 2).join('\n'), NOW)).message).toMatch(/not a valid PEM private key/);
  });

  it('refuses an encrypted key and an expired certificate', () => {
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString();
    expect(problem(() => inspectCertificate(CERTIFICATE, encrypted, NOW)).message).toMatch(/passphrase/);
    expect(problem(() => inspectCertificate(CERTIFICATE, KEY, Date.UTC(2200, 0, 1)))).toEqual({
      field: 'listener.tls.certificatePem',
      message: 'The certificate expired on 2126-11-03',
    });
  });
});
