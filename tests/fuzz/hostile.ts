/**
 * fast-check generators of hostile documents (issue 14): deep nesting, huge
 * lines, many repeated lines, CR-only endings, long whitespace runs,
 * near-duplicate paragraphs, broken markup, random bytes, invalid UTF-8 and
 * UTF-16 with and without a BOM. `scale` bounds the sizes, so the suite's
 * short run stays fast and the long run can go bigger.
 */
import fc from 'fast-check';

export interface HostileInput {
  format: 'text' | 'html';
  input: string | Uint8Array;
  /** What the generator put in: the properties need to know whether markup-like text was possible. */
  label: string;
}

const WORDS = 'the of and to in a is that for it as was with government minister report city council market water energy school village border Related Posts Share Follow us Tags Menu Home Login'.split(' ');

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 3, maxLength: 30 }).map((w) => `${w.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' '));
/** Unicode odds and ends: RTL, emoji, combining marks, NBSP and other spaces, NUL, a lone surrogate. */
const oddText = fc.constantFrom('שלום עולם', 'مرحبا بالعالم', '👩‍👩‍👧 🇫🇷', 'e\u0301\u0301', '\u00a0\u2003\u200b', '\u0000', '\ud800', '名前：', '｜', '|', ':', '«»', '—', '\t');
const newline = fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\r', '\n\r', '');
const tagName = fc.constantFrom('div', 'p', 'span', 'a', 'li', 'ul', 'table', 'tr', 'td', 'h1', 'h2', 'nav', 'footer', 'aside', 'article', 'main', 'section', 'form', 'label', 'blockquote', 'pre', 'figure', 'figcaption', 'b', 'br', 'img', 'svg', 'noscript', 'template', 'script', 'style', 'header');
const attr = fc.tuple(fc.constantFrom('class', 'id', 'href', 'src', 'data-x', 'role', 'style'), fc.stringMatching(/^[a-z0-9 _-]{0,20}$/)).map(([k, v]) => ` ${k}="${v}"`);

/** Pieces of either format; `scale` is the largest repetition count. */
function textPieces(scale: number) {
  const count = fc.integer({ min: 1, max: scale });
  return [
    paragraph,
    sentence,
    oddText,
    fc.tuple(fc.constantFrom(' ', '\t', '\u00a0', ' \t', '\u3000'), count).map(([s, n]) => `${s.repeat(n * 10)}x`),
    fc.tuple(sentence, count, newline).map(([s, n, nl]) => (s + (nl || '\n')).repeat(n)),
    fc.tuple(fc.constantFrom('Related Posts', '| ', 'Name :', 'Email :', '* ', ':', 'Share on Facebook'), count, newline).map(([s, n, nl]) => (s + nl).repeat(n)),
    fc.tuple(paragraph, count).map(([p, n]) => Array.from({ length: Math.min(n, 200) }, (_, i) => p.replace(/\b\w+\b/, WORDS[i % WORDS.length]!)).join('\n\n')),
    fc.tuple(paragraph, count).map(([p, n]) => p.repeat(Math.max(1, n >> 2)).replace(/\n/g, ' ')),
    fc.tuple(paragraph, fc.integer({ min: 20, max: 80 })).map(([p, width]) => p.replace(new RegExp(`(.{1,${width}})( |$)`, 'g'), '$1\n')),
    fc.string({ maxLength: 200 }),
  ];
}

function markupPieces(scale: number) {
  const depth = fc.integer({ min: 1, max: scale * 3 });
  return [
    fc.tuple(tagName, fc.array(attr, { maxLength: 3 }), paragraph).map(([t, a, p]) => `<${t}${a.join('')}>${p}</${t}>`),
    fc.tuple(tagName, paragraph).map(([t, p]) => `<${t}>${p}`),
    fc.tuple(tagName, tagName).map(([a, b]) => `<${a}><${b}>misnested</${a}></${b}>`),
    fc.tuple(tagName, depth, sentence).map(([t, n, s]) => `<${t}>`.repeat(n) + s + `</${t}>`.repeat(n >> 1)),
    fc.tuple(fc.constantFrom('<div', '<p class="', '</', '<!--', '<!', '<?x', '<![CDATA[', '-->', '<a href=', '>', '<', '&amp', '&#', '&#x', '&nbsp'), sentence).map(([a, s]) => a + s),
    fc.tuple(fc.integer({ min: 1, max: scale }), paragraph).map(([n, p]) => `<div class="${'x '.repeat(n * 20)}">${p}</div>`),
    fc.constantFrom(
      '<noscript><img height="1" width="1" src="https://x.example/p.gif"></noscript>',
      '<template><p>hidden template text here</p></template>',
      '<svg><text>svg text</text><foreignObject><p>inside svg</p></foreignObject></svg>',
      '<script>var a = "<p>not text</p>";</script>',
      '<style>p { color: red }</style>',
      '<table><tr><td>cell</td><td>cell two</td></tr></table>',
      '<form><label>Name</label><input name="n"><label>Email</label><textarea></textarea><button>Send</button></form>',
    ),
  ];
}

const joinPieces = (pieces: string[], seps: string[]) => pieces.map((p, i) => p + (seps[i] ?? '\n')).join('');

function document(pieces: fc.Arbitrary<string>[]) {
  return fc
    .tuple(fc.array(fc.oneof(...pieces), { minLength: 0, maxLength: 12 }), fc.array(newline, { maxLength: 12 }))
    .map(([p, s]) => joinPieces(p, s));
}

/** A text dump: text pieces only. */
export const hostileText = (scale: number): fc.Arbitrary<HostileInput> =>
  document(textPieces(scale)).map((input) => ({ format: 'text' as const, input, label: 'text' }));

/** An HTML page, with or without <html>/<body>, mixing markup and text pieces. */
export const hostileHtml = (scale: number): fc.Arbitrary<HostileInput> =>
  fc
    .tuple(document([...markupPieces(scale), ...textPieces(scale)]), fc.constantFrom('bare', 'body', 'page'))
    .map(([body, wrapper]) => ({
      format: 'html' as const,
      label: `html-${wrapper}`,
      input:
        wrapper === 'bare' ? body : wrapper === 'body' ? `<body>${body}</body>` : `<!doctype html><html><head><title>t</title><meta charset="utf-8"></head><body>${body}</body></html>`,
    }));

/** Bytes: random, invalid UTF-8 in text, UTF-16 with and without a BOM, gzip-looking headers. */
export const hostileBytes = (scale: number): fc.Arbitrary<HostileInput> => {
  const text = document(textPieces(scale));
  const utf16 = fc.tuple(text, fc.constantFrom('le', 'be'), fc.boolean()).map(([t, order, bom]) => {
    const body = Buffer.from(t, 'utf16le');
    if (order === 'be') body.swap16();
    const head = bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0);
    return new Uint8Array(Buffer.concat([head, body]));
  });
  const spliced = fc.tuple(text, fc.uint8Array({ maxLength: 64 }), fc.nat()).map(([t, junk, at]) => {
    const b = Buffer.from(t, 'utf8');
    const i = b.length ? at % b.length : 0;
    return new Uint8Array(Buffer.concat([b.subarray(0, i), junk, b.subarray(i)]));
  });
  const prefixed = fc.tuple(fc.constantFrom([0x1f, 0x8b], [0x1f, 0x8b, 8, 0], [0x50, 0x4b, 3, 4], [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0, 0, 0xfe, 0xff], [0xff, 0xfe, 0, 0]), fc.uint8Array({ maxLength: 256 })).map(
    ([head, rest]) => new Uint8Array([...head, ...rest]),
  );
  return fc
    .tuple(fc.oneof(fc.uint8Array({ maxLength: 2048 }), utf16, spliced, prefixed), fc.constantFrom('text' as const, 'html' as const))
    .map(([input, format]) => ({ format, input, label: 'bytes' }));
};
