import { filetypeinfo } from 'magic-bytes.js';
import { InputError } from '../../errors.js';
import { chooseFormat } from '../../read/format.js';
import type { DocumentStage } from '../types.js';
import { decodeSpec, type DecodeOptions } from '../specs/decode.js';
import { canonicalEncoding, declaredCharset, decodeBytes, unicodeEncoding } from './charset.js';
import { gunzip, isGzip } from './gzip.js';

export type { DecodeOptions };

/** Bytes in the first 8 KiB that no text file should contain: NUL and most C0 controls. */
function binaryEvidence(bytes: Uint8Array): { nul: number; nuls: number; controls: number; sample: number } {
  const sample = Math.min(bytes.length, 8192);
  let nul = -1;
  let nuls = 0;
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      nuls++;
      if (nul < 0) nul = i;
    }
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) controls++;
  }
  return { nul, nuls, controls, sample };
}

/** Signatures that text can also start with: XML, SVG, "MZ…"-like words; a BOM (magic-bytes.js calls a UTF BOM "txt"). */
const TEXTUAL_TYPES = new Set(['xml', 'svg', 'txt', 'html', 'json', 'exe']);

/**
 * A binary format named by its magic bytes (zip, PNG, JPEG, PDF, bz2, xz,
 * 7z…), when the first bytes are not plain text themselves: "PK\x03\x04" or
 * "\x89PNG" are, "MZ" alone is not proof.
 */
function binaryFormat(bytes: Uint8Array): string | null {
  const types = filetypeinfo(bytes.subarray(0, 4096)).filter((t) => !TEXTUAL_TYPES.has(t.typename.toLowerCase()));
  if (!types.length) return null;
  const head = bytes.subarray(0, 16);
  const notText = head.some((b) => (b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) || new TextDecoder('utf-8', { fatal: false }).decode(head).includes('\ufffd');
  return notText ? types[0]!.typename : null;
}

export const decode: DocumentStage<DecodeOptions> = {
  ...decodeSpec,
  run(doc, opts) {
    const { file } = doc;
    let bytes = file.data.bytes;
    if (!bytes) throw new InputError(file.path, 'no bytes to decode (was the document already decoded?)');
    if (isGzip(bytes)) {
      try {
        const gunzipped = gunzip(bytes, opts.maxBytes);
        bytes = gunzipped.bytes;
        if (gunzipped.trailing) doc.warn('decode', 'gzip-trailing', `${gunzipped.trailing} byte(s) after the gzip data ignored (as gzip -dc does)`);
      } catch (error) {
        const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        throw new InputError(
          file.path,
          tooBig
            ? `gzip content is larger than ${opts.maxBytes} bytes (decode.maxBytes)`
            : `broken gzip data: ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
    if (bytes.byteLength > opts.maxBytes) {
      throw new InputError(file.path, `document is ${bytes.byteLength} bytes, more than decode.maxBytes (${opts.maxBytes})`);
    }
    const unicode = unicodeEncoding(bytes);
    if (unicode?.via === 'detected') doc.warn('decode', 'no-bom', `no byte order mark: ${unicode.encoding} recognised by where the NUL bytes fall`);
    if (!unicode) {
      const format = binaryFormat(bytes);
      if (format) throw new InputError(file.path, `binary file: ${format} data (magic bytes at offset 0)`);
      // Binary formats are full of NULs; a scrape may carry a few stray ones
      // (the normalize stage strips them, and a warning says so).
      const evidence = binaryEvidence(bytes);
      if (evidence.nuls > Math.max(2, evidence.sample * 0.01)) throw new InputError(file.path, `binary file: NUL byte at offset ${evidence.nul}`);
      if (evidence.sample > 0 && evidence.controls / evidence.sample > 0.1) {
        throw new InputError(file.path, `binary file: ${evidence.controls} control bytes in the first ${evidence.sample}`);
      }
      if (evidence.nuls) doc.warn('decode', 'nul-bytes', `${evidence.nuls} stray NUL byte(s) in the first ${evidence.sample} bytes, removed by normalize`);
    }
    const hint = file.data.formatHint;
    const sniffHtml = hint === 'html' || /<html|<meta/i.test(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'));
    // The browser's order: a transport-level charset (HTTP) before the page's own <meta charset>.
    const transport = file.data.charset && !unicode ? canonicalEncoding(file.data.charset) : null;
    const declared = !transport && sniffHtml && !unicode ? declaredCharset(bytes) : null;
    if (declared && !declared.encoding) doc.warn('decode', 'unknown-charset', `charset label "${declared.label}" is not an encoding (WHATWG Encoding), ignored`);
    const decoded = decodeBytes(bytes, transport ?? declared?.encoding ?? null);
    if (decoded.invalid > 0) {
      doc.warn('decode', 'invalid-bytes', `${decoded.invalid} invalid ${decoded.encoding} byte sequence(s) replaced with U+FFFD`);
    }
    file.value = decoded.text;
    file.data.source.encoding = decoded.encoding;
    const choice = chooseFormat(decoded.text, { forced: hint ?? null, name: file.data.nameFormat ?? null });
    if (choice.warning) doc.warn('decode', 'format-sniffed', choice.warning);
    file.data.source.format = choice.format;
    delete file.data.bytes;
  },
};

