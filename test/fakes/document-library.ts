/**
 * The site's default document library as Graph serves small uploads: PUT
 * /sites/{site}/drive/root:/{path}:/content with the file's bytes → 201 Created with the new
 * driveItem, or 200 when it replaced one; folders in the path are made as needed. Part of the
 * Graph stand-in.
 */
import { createHash } from 'node:crypto';

export interface StoredFile {
  path: string;
  bytes: Buffer;
  contentType: string;
}

const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;

export class DocumentLibrary {
  readonly files = new Map<string, StoredFile>();
  /** Answer 403 accessDenied, as for an app whose site grant does not reach the library. */
  refuse = false;

  /** The upload a request is, or undefined when it is not one (PUT …/drive/root:/{path}:/content). */
  match(method: string, path: string, siteId: string): { filePath: string; siteFound: boolean } | undefined {
    const match = /^\/v1\.0\/sites\/([^/]+)\/drive\/root:\/(.+):\/content$/.exec(path);
    if (!match || method !== 'PUT') return undefined;
    return { filePath: match[2] ?? '', siteFound: match[1] === siteId };
  }

  put(upload: { filePath: string; siteFound: boolean }, bytes: Buffer): { status: number; body: unknown } {
    if (!upload.siteFound)
      return { status: 404, body: { error: { code: 'itemNotFound', message: 'Requested site could not be found' } } };
    if (this.refuse) return { status: 403, body: { error: { code: 'accessDenied', message: 'Access denied' } } };
    if (bytes.length > SIMPLE_UPLOAD_LIMIT)
      return { status: 413, body: { error: { code: 'RequestEntityTooLarge', message: 'Use an upload session.' } } };
    const { filePath } = upload;
    const replaced = this.files.has(filePath);
    this.files.set(filePath, { path: filePath, bytes, contentType: 'application/octet-stream' });
    const name = filePath.split('/').at(-1) ?? filePath;
    return {
      status: replaced ? 200 : 201,
      body: {
        id: createHash('sha1').update(filePath).digest('hex').slice(0, 16).toUpperCase(),
        name,
        size: bytes.length,
        webUrl: `https://contoso.sharepoint.com/sites/digitalisering/Shared%20Documents/${encodeURI(filePath)}`,
        file: { mimeType: 'application/octet-stream' },
      },
    };
  }
}
