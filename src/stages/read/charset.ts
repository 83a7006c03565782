import { normalizeEncoding } from '@exodus/bytes/encoding.js';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** Canonical (WHATWG-style, lower-case) name of the encoding used. */
  encoding: string;
  /** Byte sequences that were not valid in that encoding (replaced by U+FFFD). */
  invalid: number;
  /** How the encoding was chosen: bom, meta, utf-8, detected, fallback. */
  via: 'bom' | 'meta' | 'utf-8' | 'detected' | 'fallback';
}

/** An encoding label (WHATWG Encoding table, as browsers read it) → the name iconv-lite decodes, or null. */
export function canonicalEncoding(label: string): string | null {
  const name = normalizeEncoding(label);
  return name && name !== 'replacement' && iconv.encodingExists(name) ? name : null;
}

/**
 * The encoding a `<meta charset>` label means, as the HTML parser reads it:
 * UTF-16 in a meta is UTF-8 (the page was readable as ASCII to get there),
 * x-user-defined is windows-1252; unknown labels ("base64", "hex", "utf-32")
 * mean nothing.
 */
function metaEncoding(label: string): string | null {
  const name = normalizeEncoding(label);
  if (name === 'utf-16le' || name === 'utf-16be') return 'utf-8';
  if (name === 'x-user-defined') return 'windows-1252';
  return canonicalEncoding(label);
}

/** The charset label of an HTML page (`<meta charset>`, http-equiv content-type, XML declaration) in its first 4 KiB, and what it means (null: ignored). */
export function declaredCharset(bytes: Uint8Array): { label: string; encoding: string | null } | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match =
    // [^<>] rather than [^>]: each match attempt stops at the next tag, so a page of "<meta<meta…" stays linear.
    /<meta\b[^<>]*?charset\s*=["'\s]*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^<>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1] ? { label: match[1], encoding: metaEncoding(match[1]) } : null;
}


function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  // UTF-32 LE before UTF-16 LE: FF FE 00 00 starts both.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return { encoding: 'utf-32le', length: 4 };
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 or UTF-32 without a BOM, told by where the NUL bytes fall in the
 * first 8 KiB: text in a Latin script has a NUL in every other byte (UTF-16,
 * odd offsets for little-endian) or three in four (UTF-32). Binary data has
 * NULs too, but not in one lane only.
 */
export function wideEncodingByNuls(bytes: Uint8Array): string | null {
  const sample = Math.min(bytes.length, 8192) & ~3;
  if (sample < 8) return null;
  const lanes = [0, 0, 0, 0];
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) lanes[i & 3]!++;
  const share = lanes.map((n) => n / (sample / 4));
  const [a, b, c, d] = share as [number, number, number, number];
  if (b > 0.9 && c > 0.9 && d > 0.9 && a < 0.1) return 'utf-32le';
  if (a > 0.9 && b > 0.9 && c > 0.9 && d < 0.1) return 'utf-32be';
  if (b > 0.6 && d > 0.6 && a < 0.05 && c < 0.05) return 'utf-16le';
  if (a > 0.6 && c > 0.6 && b < 0.05 && d < 0.05) return 'utf-16be';
  return null;
}

/** The Unicode encoding the bytes announce (BOM) or show (NUL lanes), and the BOM length to skip. */
export function unicodeEncoding(bytes: Uint8Array): { encoding: string; length: number; via: 'bom' | 'detected' } | null {
  const bom = bomEncoding(bytes);
  if (bom) return { ...bom, via: 'bom' };
  const wide = wideEncodingByNuls(bytes);
  return wide ? { encoding: wide, length: 0, via: 'detected' } : null;
}

/**
 * Decodes UTF-8 leniently and counts the invalid sequences it had to replace, and the
 * non-ASCII characters (`multibyte`; without replacements, only whether there are any).
 */
function decodeUtf8(bytes: Uint8Array): { text: string; invalid: number; multibyte: number } {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  // Nearly every page has no U+FFFD: then no count is needed, and the text holds a non-ASCII
  // character exactly when it is shorter than the bytes (a multi-byte sequence gives fewer UTF-16 units than bytes).
  if (!text.includes('\ufffd')) return { text, invalid: 0, multibyte: text.length < bytes.length ? 1 : 0 };
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) multibyte++;
  }
  // A literal U+FFFD in the source (EF BF BD) is not an invalid byte.
  const literal = replaced ? Buffer.from(bytes).toString('latin1').split('\xef\xbf\xbd').length - 1 : 0;
  return { text, invalid: replaced - literal, multibyte };
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes), encoding);
}

/**
 * Turns bytes into text: BOM first (or the NUL lanes of UTF-16/32), then the document's own declaration
 * (`declared`, from `<meta charset>`), then UTF-8 when the bytes are valid
 * UTF-8 (or mostly so), then a statistical guess by chardet. Never throws on
 * bad bytes: they become U+FFFD and are counted.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const unicode = unicodeEncoding(bytes);
  if (unicode) {
    const body = bytes.subarray(unicode.length);
    if (unicode.encoding === 'utf-8') return { ...pick(decodeUtf8(body)), encoding: 'utf-8', via: 'bom' };
    return { text: decodeWith(body, unicode.encoding), encoding: unicode.encoding, invalid: 0, via: unicode.via };
  }
  const utf8 = decodeUtf8(bytes);
  if (declared && declared !== 'utf-8') {
    // A page that declares a legacy charset but is valid UTF-8 with non-ASCII text was re-encoded by the scraper.
    if (utf8.invalid === 0 && utf8.multibyte > 0) return { ...pick(utf8), encoding: 'utf-8', via: 'utf-8' };
    return { text: decodeWith(bytes, declared), encoding: declared, invalid: 0, via: 'meta' };
  }
  // Mostly valid UTF-8 (a few broken bytes in otherwise UTF-8 text) stays UTF-8.
  if (utf8.invalid === 0 || declared === 'utf-8' || utf8.multibyte >= utf8.invalid * 4) {
    return { ...pick(utf8), encoding: 'utf-8', via: declared ? 'meta' : 'utf-8' };
  }
  const guess = chardet.detect(Buffer.from(bytes));
  const encoding = guess ? canonicalEncoding(guess) : null;
  if (encoding && encoding !== 'utf-8' && !encoding.startsWith('utf-')) {
    return { text: decodeWith(bytes, encoding), encoding, invalid: 0, via: 'detected' };
  }
  return { ...pick(utf8), encoding: 'utf-8', via: 'fallback' };
}

const pick = (d: { text: string; invalid: number }) => ({ text: d.text, invalid: d.invalid });
