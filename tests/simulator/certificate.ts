/**
 * The simulator's TLS certificate: generated at first use, then reused for the life of the process
 * (tests start many simulators). Self-signed and throwaway; Chromium accepts it only because the
 * tests pass --ignore-certificate-errors. An EC key keeps generation to a few milliseconds.
 */
import { generate } from 'selfsigned';
import { allZohoHosts } from './hosts';

export interface TestCertificate {
  key: string;
  cert: string;
}

let cached: Promise<TestCertificate> | undefined;

export function testCertificate(): Promise<TestCertificate> {
  cached ??= createCertificate().catch((error: unknown) => {
    cached = undefined; // let the next start try again instead of caching a failure
    throw error;
  });
  return cached;
}

async function createCertificate(): Promise<TestCertificate> {
  const dnsNames = [...allZohoHosts(), 'localhost'];
  const pems = await generate([{ name: 'commonName', value: 'Zoho simulator (test only)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...dnsNames.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
