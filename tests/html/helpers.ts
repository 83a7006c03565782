import { clean } from '../../src/engine/clean.js';

/** Three paragraphs of running prose: enough for the main-content search to find the article. */
export const ARTICLE = `
<article class="post">
  <h1>The river town keeps its old bridge</h1>
  <p>The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate in which residents spoke for and against the plan.</p>
  <p>Engineers had warned that the arches were weakening, but a survey published in the spring found that the damage could be fixed within two years and at half the cost of a new crossing.</p>
  <p>Work is expected to begin in the autumn, when the water is low, and the bridge will stay open to pedestrians for most of the time while the repairs are carried out.</p>
</article>`;

export const page = (body: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bridge | Example Gazette</title>${head}</head><body>${body}</body></html>`;

export function cleanHtml(html: string | Uint8Array) {
  return clean(html, { format: 'html', path: 'page.html' });
}

/** The sidecar block holding `needle`, or undefined. */
export function blockWith(result: ReturnType<typeof cleanHtml>, needle: string) {
  return result.sidecar.blocks.find((b) => b.text.includes(needle));
}
