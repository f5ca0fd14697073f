/**
 * Reads the parts of a zip-based file (.xlsx, .docx) without trusting it: the central directory
 * is checked first — too many parts, or declared sizes past the limits, refuse the file before
 * anything is inflated — and every part is then inflated with a byte counter that stops at the
 * limit whatever the directory declared (yauzl also checks each part against its declared size).
 * A decompression bomb (a 1 MB workbook whose sharedStrings.xml unpacks to 300 MB) is refused at
 * once, in bounded memory.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportLimitError, MAX_ENTRY_BYTES, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './limits';

export class NotAZipError extends Error {
  constructor() {
    super('Not a zip archive');
    this.name = 'NotAZipError';
  }
}

/**
 * Checks the whole archive and returns the inflated parts that `wanted` picks (by name); the
 * other parts are inflated into nothing, so that what a later reader inflates again is known to
 * stay within the limits.
 */
export async function readZipParts(content: Buffer, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  const zip = await open(content);
  const entries = await listEntries(zip);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    if (entry.uncompressedSize > MAX_ENTRY_BYTES || declared > MAX_UNCOMPRESSED_BYTES) {
      zip.close();
      throw new ImportLimitError('uncompressed', MAX_UNCOMPRESSED_BYTES);
    }
  }
  const parts = new Map<string, Buffer>();
  let total = 0;
  try {
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const keep = wanted(entry.fileName);
      const chunks: Buffer[] = [];
      total += await inflate(zip, entry, MAX_UNCOMPRESSED_BYTES - total, keep ? chunks : undefined);
      if (keep) parts.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return parts;
}

function open(content: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(new NotAZipError());
      else resolve(zip);
    }),
  );
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    return Promise.reject(new ImportLimitError('entries', MAX_ZIP_ENTRIES));
  }
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new NotAZipError()));
    zip.readEntry();
  });
}

/** Inflates one part, stopping as soon as it passes `budget` bytes. Returns the bytes it had. */
function inflate(zip: ZipFile, entry: Entry, budget: number, into: Buffer[] | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new NotAZipError());
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget || size > MAX_ENTRY_BYTES) {
          stream.destroy();
          reject(new ImportLimitError('uncompressed', MAX_UNCOMPRESSED_BYTES));
          return;
        }
        into?.push(chunk);
      });
      stream.on('end', () => resolve(size));
      // yauzl's validateEntrySizes: a part that inflates to more (or less) than it declared.
      stream.on('error', (e: Error) =>
        reject(
          e.message.includes('too many bytes')
            ? new ImportLimitError('uncompressed', MAX_UNCOMPRESSED_BYTES)
            : new NotAZipError(),
        ),
      );
    });
  });
}
