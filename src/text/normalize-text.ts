/**
 * Text normalization shared by segmentation (to tell blank lines) and the
 * normalize stage. Kept as plain functions: they run on every block.
 */

/** Zero-width characters, soft hyphen, BOM, word joiner, bidi marks and embeddings. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 control characters, except tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Every space-like character that is not a plain space. */
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(ODD_SPACE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * normalizeText for preformatted text (a <pre> block): each line normalized on
 * its own, its indentation kept, blank lines dropped, lines joined by "\n".
 */
export function normalizeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t\u00A0]*/.exec(line)![0].replace(/\t/g, '  ').replace(/\u00A0/g, ' ');
      const rest = normalizeText(line);
      return rest ? indent + rest : '';
    })
    .filter(Boolean)
    .join('\n');
}

/**
 * Whitespace only, counting the invisible spaces scrapers leave (NBSP, zero
 * width): such a line separates blocks. A line of control characters is not
 * blank: it becomes a block that normalize removes, on the record.
 */
export const isBlank = (text: string): boolean => /^[\s\u00A0\u200B-\u200D\u2060\uFEFF]*$/.test(text);

/** Lower-cased letters and digits only, one space between words: for comparing blocks. */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
