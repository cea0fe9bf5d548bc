import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors.ts';
import { inspectCertificate } from './certificates.ts';
import { TEST_CERTIFICATE_KEY_PEM, TEST_CERTIFICATE_PEM } from '../testing/test-certificate.ts';

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
    const info = inspectCertificate(TEST_CERTIFICATE_PEM, TEST_CERTIFICATE_KEY_PEM, NOW);
    expect(info.subject).toBe('CN=lb.example.test');
    expect(info.notAfter).toBeGreaterThan(NOW);
    expect(info.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a key that belongs to another certificate', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(problem(() => inspectCertificate(TEST_CERTIFICATE_PEM, other, NOW))).toEqual({
      field: 'listener.tls.privateKeyPem',
      message: 'The private key does not belong to the certificate',
    });
  });

  it('refuses text that is not a certificate or a key', () => {
    expect(problem(() => inspectCertificate('hello', TEST_CERTIFICATE_KEY_PEM, NOW)).field).toBe('listener.tls.certificatePem');
    expect(problem(() => inspectCertificate(TEST_CERTIFICATE_KEY_PEM, TEST_CERTIFICATE_KEY_PEM, NOW)).field).toBe('listener.tls.certificatePem');
    const broken = TEST_CERTIFICATE_PEM.split('\n').filter((_, index) => index !== 3).join('\n');
    expect(problem(() => inspectCertificate(broken, TEST_CERTIFICATE_KEY_PEM, NOW)).message).toMatch(/not a valid PEM X.509/);
    expect(problem(() => inspectCertificate(TEST_CERTIFICATE_PEM, TEST_CERTIFICATE_PEM, NOW)).field).toBe('listener.tls.privateKeyPem');
    expect(problem(() => inspectCertificate(TEST_CERTIFICATE_PEM, TEST_CERTIFICATE_KEY_PEM.split('\n').filter((_, index) => index !== 2).join('\n'), NOW)).message).toMatch(/not a valid PEM private key/);
  });

  it('refuses an encrypted key and an expired certificate', () => {
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString();
    expect(problem(() => inspectCertificate(TEST_CERTIFICATE_PEM, encrypted, NOW)).message).toMatch(/passphrase/);
    expect(problem(() => inspectCertificate(TEST_CERTIFICATE_PEM, TEST_CERTIFICATE_KEY_PEM, Date.UTC(2200, 0, 1)))).toEqual({
      field: 'listener.tls.certificatePem',
      message: 'The certificate expired on 2126-11-03',
    });
  });
});
