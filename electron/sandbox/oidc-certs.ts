import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import type { JWK } from 'jose';
import forge from 'node-forge';

// Google publishes its ID-token keys twice: as a JWKS (/oauth2/v3/certs) and as
// self-signed X.509 certificates in PEM keyed by kid (/oauth2/v1/certs), which
// google-auth-library's verifyIdToken reads by default. Made once, on demand:
// signing a certificate in JavaScript takes a moment.

export function pemCertificates(privateJwk: JWK, kid: string, issuer: string): Record<string, string> {
  const pem = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' })
    .export({ type: 'pkcs1', format: 'pem' })
    .toString();
  const key = forge.pki.privateKeyFromPem(pem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${Buffer.from(kid).toString('hex').slice(0, 30)}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 86_400_000);
  cert.validity.notAfter = new Date(now + 14 * 86_400_000);
  const subject = [{ name: 'commonName', value: new URL(issuer).host }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  return { [kid]: forge.pki.certificateToPem(cert) };
}
