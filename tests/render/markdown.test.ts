import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/engine/clean.js';
import { resolvePipeline } from '../../src/config/pipeline.js';
import { silentLogger } from '../../src/log.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { Stats } from '../../src/stages/types.js';
import { ARTICLE, page } from '../html/helpers.js';

// Segmentation and normalization only: every block is kept, so the Markdown of each construct is exact.
const structural = resolvePipeline({ name: 'structure', stages: ['decode', 'segment', 'normalize'] });
const record = (html: string, url: string | null = null) =>
  processDocument(new TextEncoder().encode(html), { path: 'page.html', format: 'html', url }, structural, { logger: silentLogger, stats: new Stats() });
const markdown = (body: string, url: string | null = null) => renderMarkdown(record(page(body), url));

describe('Markdown output', () => {
  it('keeps headings, paragraphs with links, emphasis and inline code, and quotes', () => {
    expect(
      markdown(
        '<h2>Getting <em>started</em></h2><p>Read <a href="https://example.org/guide">the guide</a>, then run <code>npm ci</code> and <strong>do not</strong> skip it.</p><blockquote>Measure twice.</blockquote>',
      ),
    ).toBe('## Getting *started*\n\nRead [the guide](https://example.org/guide), then run `npm ci` and **do not** skip it.\n\n> Measure twice.\n');
  });

  it('resolves relative links against the page URL and drops anchors and script links', () => {
    expect(markdown('<p>See <a href="/docs/a b.html">the docs</a>, <a href="#top">top</a> and <a href="javascript:void(0)">menu</a>.</p>', 'https://example.org/blog/post')).toBe(
      'See [the docs](https://example.org/docs/a%20b.html), top and menu.\n',
    );
    // Without a URL the target stays as written.
    // A target with a space keeps it inside angle brackets.
    expect(markdown('<p><a href="my page.html">mine</a></p>')).toBe('[mine](<my page.html>)\n');
    expect(markdown('<p><a href="../x.html">x</a> and <a href="/y"><img src="i.png"></a>.</p>')).toBe('[x](../x.html) and .\n');
  });

  it('writes nested and ordered lists, one item per line', () => {
    expect(markdown('<p>Steps:</p><ol><li>Install</li><li>Configure<ul><li>the <a href="/p">pipeline</a></li><li>the output</li></ul></li><li>Run</li></ol><p>Done.</p>')).toBe(
      'Steps:\n\n1. Install\n1. Configure\n    - the [pipeline](/p)\n    - the output\n1. Run\n\nDone.\n',
    );
  });

  it('writes a table with its header row, cell markup and escaped pipes', () => {
    expect(
      markdown(
        '<table><thead><tr><th>Option</th><th>Default</th></tr></thead><tbody><tr><td><code>--out</code></td><td><a href="/o">output</a></td></tr><tr><td>a | b</td><td><em>none</em></td></tr></tbody></table>',
      ),
    ).toBe('| Option | Default |\n| --- | --- |\n| `--out` | [output](/o) |\n| a \\| b | *none* |\n');
    // A table without a header row: its first row serves as one (GFM needs it).
    expect(markdown('<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table><table><tr><td>5</td><td>6</td></tr></table>')).toBe(
      '| 1 | 2 |\n| --- | --- |\n| 3 | 4 |\n\n| 5 | 6 |\n| --- | --- |\n',
    );
  });

  it('fences <pre> code with its newlines, indentation and language, and its markup left literal', () => {
    expect(markdown('<p>Example:</p><pre><code class="language-js">if (a &lt; b) {\n  log(`*x*`);\n}\n</code></pre>')).toBe(
      'Example:\n\n```js\nif (a < b) {\n  log(`*x*`);\n}\n```\n',
    );
    // A fence longer than any inside the code.
    expect(markdown('<pre>```\nquoted\n```</pre>')).toBe('````\n```\nquoted\n```\n````\n');
  });

  it('escapes text that would read as Markdown', () => {
    expect(markdown('<p>*not bold* and [not a link] and snake_case and _x_</p><p># not a heading</p><p>1. not a list</p>')).toBe(
      '\\*not bold\\* and \\[not a link\\] and snake_case and \\_x\\_\n\n\\# not a heading\n\n\\1. not a list\n',
    );
  });

  it('renders only the kept blocks of a cleaned page', () => {
    const body = `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav>${ARTICLE}<footer><p>© 2025 Example Gazette</p></footer>`;
    const full = processDocument(new TextEncoder().encode(page(body)), { path: 'page.html', format: 'html' }, resolvePipeline({ name: 'd', extends: 'default' }), {
      logger: silentLogger,
      stats: new Stats(),
    });
    const out = renderMarkdown(full);
    expect(out.startsWith('# The river town keeps its old bridge\n\nThe council decided on Tuesday')).toBe(true);
    expect(out).not.toMatch(/Home|© 2025/);
  });

  it('writes a text dump as escaped paragraphs', () => {
    const dump = processDocument(new TextEncoder().encode('A *starred* line\n\nSecond paragraph.\n'), { path: 'a.txt', format: 'text' }, structural, {
      logger: silentLogger,
      stats: new Stats(),
    });
    expect(renderMarkdown(dump)).toBe('A \\*starred\\* line\n\nSecond paragraph.\n');
  });
});
