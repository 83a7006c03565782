import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';

export const isGzip = (b: Uint8Array, at = 0) => b[at] === 0x1f && b[at + 1] === 0x8b;

/** Length of the gzip member header at `at` (RFC 1952 §2.3: optional extra field, name, comment, header CRC), or -1 if truncated. */
function headerLength(b: Uint8Array, at: number): number {
  if (b.length < at + 10 || b[at + 2] !== 8) return -1;
  const flags = b[at + 3]!;
  let i = at + 10;
  if (flags & 4) i += 2 + (b[i]! | (b[i + 1]! << 8));
  for (const bit of [8, 16]) {
    if (!(flags & bit)) continue;
    while (i < b.length && b[i] !== 0) i++;
    i++;
  }
  if (flags & 2) i += 2;
  return i <= b.length ? i - at : -1;
}

/**
 * Where the valid gzip members at the start of `b` end: each member is
 * inflated (raw deflate stops at the end of its stream) and its CRC-32 and
 * size checked, as `gzip -dc` does before it ignores trailing garbage.
 * `maxBytes` bounds what is inflated on the way.
 */
function validMembersEnd(b: Uint8Array, maxBytes: number): number {
  let at = 0;
  while (isGzip(b, at)) {
    const header = headerLength(b, at);
    if (header < 0) break;
    let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
    try {
      inflated = inflateRawSync(b.subarray(at + header), { info: true, maxOutputLength: maxBytes }) as unknown as typeof inflated;
    } catch {
      break;
    }
    const trailer = at + header + inflated.engine.bytesWritten;
    if (trailer + 8 > b.length) break;
    const view = new DataView(b.buffer, b.byteOffset + trailer, 8);
    if (view.getUint32(0, true) !== crc32(inflated.buffer) || view.getUint32(4, true) !== inflated.buffer.length % 2 ** 32) break;
    at = trailer + 8;
  }
  return at;
}

export interface Gunzipped {
  bytes: Uint8Array;
  /** Bytes after the last valid member, ignored (gzip -dc warns and ignores them too). */
  trailing: number;
}

/**
 * Decompresses gzip data like `gzip -dc`: every member of a multi-member
 * file, trailing garbage after a valid member ignored. `maxOutputLength`
 * stops inflation as soon as the output passes maxBytes (a gzip bomb never
 * grows past it). Throws zlib's error for data that is broken from the start.
 */
export function gunzip(bytes: Uint8Array, maxBytes: number): Gunzipped {
  try {
    return { bytes: new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes })), trailing: 0 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'Z_DATA_ERROR') throw error;
    const end = validMembersEnd(bytes, maxBytes);
    if (end === 0) throw error;
    return { bytes: new Uint8Array(gunzipSync(bytes.subarray(0, end), { maxOutputLength: maxBytes })), trailing: bytes.length - end };
  }
}
