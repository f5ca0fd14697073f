/**
 * A self-signed certificate for localhost and 127.0.0.1, for stand-ins that must speak https
 * (Azurite with OAuth). The process that calls them trusts it through NODE_EXTRA_CA_CERTS.
 * (The Graph stand-in makes its own the same way; it is left as it is while issue 17 reworks it.)
 */
import { generate } from 'selfsigned';

/**
 * `commonName` tells certificates apart: two trusted self-signed ones with the same subject make
 * OpenSSL check a server's certificate against the wrong one.
 */
export async function localhostCertificate(commonName: string): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  } as Parameters<typeof generate>[1]);
  return { cert: pems.cert, key: pems.private };
}
