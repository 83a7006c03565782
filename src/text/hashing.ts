/**
 * Small non-cryptographic hashes for comparing text at scale: FNV-1a over a
 * string, and MinHash signatures with LSH band keys. Deterministic (fixed
 * seeds), so outputs never depend on the process or the machine.
 */

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SPACE = 0x20;

/**
 * fnv1a(words.slice(start, end).join(' ')), without building the string: FNV-1a
 * reads code units one after the other, so the words and the spaces between
 * them are hashed in turn. Word n-grams (shingles) are hashed at every word of
 * a text, and the joined copies were a good part of the garbage.
 */
export function fnv1aOfWords(words: readonly string[], start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    if (k > start) h = Math.imul(h ^ SPACE, 0x01000193);
    const word = words[k]!;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** A 52-bit hash as a JavaScript number (exact in a double): two FNV-1a passes with different seeds. */
export function hash52(text: string): number {
  return (fnv1a(text) & 0xfffff) * 0x100000000 + fnv1a(text, 0x050c5d1f);
}

/** Mixes a base hash into the k-th hash function of a MinHash family (one multiply-xorshift per row). */
function rowHash(h: number, k: number): number {
  let v = Math.imul(h ^ Math.imul(k + 1, 0x9e3779b1), 0x85ebca6b);
  v ^= v >>> 13;
  v = Math.imul(v, 0xc2b2ae35);
  return (v ^ (v >>> 16)) >>> 0;
}

/** MinHash signature of a set of base hashes: per hash function, the smallest value. */
export function minhash(hashes: Iterable<number>, size: number): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const h of hashes) {
    for (let k = 0; k < size; k++) {
      const v = rowHash(h, k);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures: the share of equal rows. */
export function signatureSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return a.length ? same / a.length : 0;
}

/** LSH band keys of a signature: sets that share a key are candidates for a full comparison. */
export function bandKeys(sig: ArrayLike<number>, rows: number): number[] {
  const keys: number[] = [];
  for (let band = 0; band * rows < sig.length; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = band * rows; r < Math.min(sig.length, (band + 1) * rows); r++) h = Math.imul(h ^ sig[r]!, 0x01000193) >>> 0;
    keys.push(band * 0x100000000 + (h >>> 0));
  }
  return keys;
}
