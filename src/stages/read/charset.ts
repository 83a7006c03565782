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

/**
 * Labels that WHATWG maps to windows-1252: pages that say latin-1 or ascii
 * almost always mean cp1252 (curly quotes at 0x93/0x94), and browsers decode
 * them so. Node's own TextDecoder does not: it yields C1 controls there.
 */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp819', 'ibm819', 'iso-ir-100']);

export function canonicalEncoding(label: string): string | null {
  const name = label.trim().toLowerCase().replace(/^x-/, '');
  if (WINDOWS_1252_ALIASES.has(name)) return 'windows-1252';
  if (name === 'utf8') return 'utf-8';
  if (['gb2312', 'gbk', 'x-gbk', 'chinese'].includes(name)) return 'gbk';
  if (['shift-jis', 'sjis', 'ms_kanji', 'x-sjis'].includes(name)) return 'shift_jis';
  return iconv.encodingExists(name) ? name : null;
}

/** `<meta charset>` or `http-equiv` content-type in the first 4 KiB of an HTML page. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match =
    // [^<>] rather than [^>]: each match attempt stops at the next tag, so a page of "<meta<meta…" stays linear.
    /<meta\b[^<>]*?charset\s*=["'\s]*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^<>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1] ? canonicalEncoding(match[1]) : null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Decodes UTF-8 leniently and counts the invalid sequences it had to replace. */
function decodeUtf8(bytes: Uint8Array): { text: string; invalid: number; multibyte: number } {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
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
 * Turns bytes into text: BOM first, then the document's own declaration
 * (`declared`, from `<meta charset>`), then UTF-8 when the bytes are valid
 * UTF-8 (or mostly so), then a statistical guess by chardet. Never throws on
 * bad bytes: they become U+FFFD and are counted.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') return { ...pick(decodeUtf8(body)), encoding: 'utf-8', via: 'bom' };
    return { text: decodeWith(body, bom.encoding), encoding: bom.encoding, invalid: 0, via: 'bom' };
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
