/**
 * Zip files that unpack to far more than they weigh, as an attacker makes them: one part of
 * repeated bytes, deflated in pieces so that making it costs this process little memory. With
 * `lie`, the directory declares a tiny size, so only a reader that counts what it inflates stops it.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export function zipBomb(
  part: string,
  megabytes: number,
  options: { lie?: boolean; others?: Record<string, string> } = {},
): Buffer {
  const chunk = Buffer.alloc(1024 * 1024, 'A');
  // Deflate of a run of one byte: the same compressed block repeated is the run repeated.
  const block = deflateRawSync(chunk, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
  const end = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), end]);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  const size = megabytes * 1024 * 1024;
  const entries = [
    ...Object.entries(options.others ?? {}).map(([name, text]) => {
      const body = Buffer.from(text);
      return { name, data: deflateRawSync(body), crc: crc32(body), size: body.length };
    }),
    { name: part, data, crc, size: options.lie ? 1024 : size },
  ];
  return zip(entries);
}

function zip(entries: { name: string; data: Buffer; crc: number; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, eocd]);
}
