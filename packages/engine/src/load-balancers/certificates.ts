import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { invalidInput } from '../core/errors.ts';
import type { ListenerCertificate } from './load-balancer.ts';

/**
 * Checks what a TERMINATED_HTTPS listener is given: a PEM X.509 certificate that has not expired
 * and the unencrypted private key that belongs to it. `field` prefixes the error fields
 * (`listener.tls`).
 */
export function inspectCertificate(certificatePem: string, privateKeyPem: string, now: number, field = 'listener.tls'): ListenerCertificate {
  const certificateField = `${field}.certificatePem`;
  const keyField = `${field}.privateKeyPem`;
  if (!certificatePem.includes('-----BEGIN CERTIFICATE-----')) {
    throw invalidInput('The certificate must be PEM text starting with -----BEGIN CERTIFICATE-----', certificateField).coded('certificate.notPem');
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw invalidInput('The certificate is not a valid PEM X.509 certificate', certificateField).coded('certificate.invalid');
  }
  if (/-----BEGIN (ENCRYPTED PRIVATE KEY|[A-Z ]*PRIVATE KEY-----[\s\S]*Proc-Type: 4,ENCRYPTED)/.test(privateKeyPem)) {
    throw invalidInput('The private key is protected by a passphrase; paste the unencrypted key', keyField).coded('certificate.keyEncrypted');
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKeyPem)) {
    throw invalidInput('The private key must be PEM text starting with -----BEGIN PRIVATE KEY-----', keyField).coded('certificate.keyNotPem');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    throw invalidInput('The private key is not a valid PEM private key', keyField).coded('certificate.keyInvalid');
  }
  if (!certificate.checkPrivateKey(key)) {
    throw invalidInput('The private key does not belong to the certificate', keyField).coded('certificate.keyMismatch');
  }
  const notAfter = Date.parse(certificate.validTo);
  if (notAfter < now) {
    throw invalidInput(`The certificate expired on ${new Date(notAfter).toISOString().slice(0, 10)}`, certificateField).coded('certificate.expired', { date: new Date(notAfter).toISOString().slice(0, 10) });
  }
  return {
    certificatePem: certificatePem.trim(),
    privateKeyPem: privateKeyPem.trim(),
    subject: certificate.subject.replace(/\n/g, ', '),
    issuer: certificate.issuer.replace(/\n/g, ', '),
    subjectAltName: certificate.subjectAltName ?? null,
    notBefore: Date.parse(certificate.validFrom),
    notAfter,
    fingerprint256: certificate.fingerprint256,
  };
}
