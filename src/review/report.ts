import { rebuildText, type CleanedDocument } from './documents.js';
import { LINK_SHARE, LOST_SHARE, suspicionsOf } from './suspicious.js';

/** Escapes JSON for a <script type="application/json"> element (no "</script>" inside). */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
const html = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/**
 * One self-contained HTML file (no network): a sortable table of documents
 * and, per document, its source blocks with removals highlighted by rule
 * next to the clean text. Each document's blocks sit in their own JSON
 * script element and are parsed only when the document is opened, so the
 * page stays light with thousands of documents.
 */
export function buildReport(docs: Iterable<CleanedDocument>, title = 'unboil report'): string {
  return [...reportChunks(docs, title)].join('');
}

/**
 * The report as chunks of HTML, one per document between the page's head
 * and its script: written to a file as they come, a report of 100,000
 * documents never holds more than one document and the table's index.
 */
export function* reportChunks(docs: Iterable<CleanedDocument>, title = 'unboil report'): Generator<string> {
  yield PAGE_HEAD(title);
  const index: object[] = [];
  const rules = new Set<string>();
  // What made these outputs: normally one pipeline and one tool version; a mixed folder lists each.
  const made = new Set<string>();
  let k = 0;
  for (const d of docs) {
    const { stats, meta } = d.sidecar;
    const top = Object.entries(stats.removedBy).sort(([, a], [, b]) => b - a).slice(0, 3).map(([rule, n]) => `${rule} ${n}`);
    // Suspicious documents (see suspicious.ts) come first in the table and are counted in the header; skipped ones (--lang) say why.
    const suspicious = suspicionsOf(d.sidecar);
    index.push({ k, name: d.name, source: d.location, title: meta.title, date: meta.date, lang: meta.lang, kept: stats.kept, removed: stats.removed, charsIn: stats.charsIn, charsOut: stats.charsOut, top, rules: Object.keys(stats.removedBy), suspicious, flags: suspicious.length, skipped: d.sidecar.skipped?.reason ?? null });
    for (const rule of Object.keys(stats.removedBy)) rules.add(rule);
    made.add(`pipeline ${d.sidecar.pipeline.name} (${d.sidecar.pipeline.hash.slice(0, 12)}) · ${d.sidecar.pipeline.tool}`);
    const blocks = d.sidecar.blocks.map((b) => (b.kept ? [b.line, b.text] : [b.line, b.text, `${b.stage}/${b.rule}`, b.reason]));
    // The clean text is usually the kept blocks joined (DESIGN.md §3): then it is rebuilt in the browser, not stored twice.
    const payload = d.text === rebuildText(d.sidecar) ? { blocks } : { text: d.text, blocks };
    yield `<script type="application/json" id="doc-${k}">${scriptJson(payload)}</script>\n`;
    k++;
  }
  yield `<script type="application/json" id="index">${scriptJson({ docs: index, rules: [...rules].sort(), made: [...made].sort() })}</script>\n`;
  yield PAGE_SCRIPT;
}

/** The page before the documents: styles, header, table and document view. */
const PAGE_HEAD = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#263238;color:#fff}header h1{margin:0;font-size:18px}#made{font-size:12px;color:#b0bec5}
main{padding:12px 20px}table{border-collapse:collapse;width:100%;background:#fff;table-layout:fixed}
th,td{border-bottom:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
td.name{font-family:ui-monospace,monospace;font-size:12px}
th{cursor:pointer;user-select:none;background:#eceff1;position:sticky;top:0}th[aria-sort]::after{content:" ↕";color:#90a4ae}
tr.suspicious td{background:#fff3e0}td.flags{color:#bf360c;font-size:12px}td.flags .skipped{color:#607d8b;font-style:italic}
td.num{text-align:right;font-variant-numeric:tabular-nums}td.num,td.date{white-space:nowrap}tr.doc:hover{background:#e3f2fd;cursor:pointer}
#view{display:none}#view.open{display:block}.toolbar{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin:8px 0}
.panes{display:grid;grid-template-columns:1fr 1fr;gap:16px}.pane{background:#fff;border:1px solid #e0e0e0;padding:8px;overflow:auto;max-height:75vh}
.block{padding:2px 6px;margin:2px 0;border-left:4px solid transparent;white-space:pre-wrap}
.block.removed{text-decoration:line-through;opacity:.85}.block .rule{font-size:11px;font-weight:600;margin-left:6px;text-decoration:none;display:inline-block}
body.hide-removed .block.removed{display:none}.block.filtered{display:none}.block mark{background:#fff59d}
.legend button{display:inline-block;margin:2px 6px 2px 0;padding:1px 6px;border-radius:3px;font-size:12px;border:1px solid transparent;cursor:pointer}.legend button[aria-pressed=true]{border-color:#263238;font-weight:600}.legend button[hidden]{display:none}
pre.clean{white-space:pre-wrap;margin:0;font:inherit}
</style></head>
<body>
<header><h1>${html(title)}</h1><div id="made"></div><div id="summary"></div></header>
<main>
<section id="list">
<div class="toolbar"><input id="filter-docs" type="search" placeholder="Filter documents"> <label>Removed by <select id="doc-rule"><option value="">any rule</option></select></label> <label><input type="checkbox" id="suspicious-only"> Suspicious only</label> <span id="shown"></span></div>
<table id="docs"><colgroup><col style="width:19%"><col style="width:12%"><col style="width:19%"><col style="width:7.5em"><col style="width:3.5em"><col style="width:4.5em"><col style="width:5.5em"><col style="width:6em"><col style="width:6em"><col></colgroup><thead><tr>
<th data-key="name" aria-sort="none">Document</th><th data-key="flags" data-first="descending" aria-sort="none" title="lost more than ${LOST_SHARE * 100} % of its text, or more than ${LINK_SHARE * 100} % of the kept text in links">Suspicious</th><th data-key="title" aria-sort="none">Title</th><th data-key="date" aria-sort="none">Date</th><th data-key="lang" aria-sort="none">Lang</th>
<th data-key="kept" aria-sort="none">Kept</th><th data-key="removed" aria-sort="none">Removed</th><th data-key="charsIn" aria-sort="none">Chars in</th><th data-key="charsOut" aria-sort="none">Chars out</th><th>Top rules</th>
</tr></thead><tbody></tbody></table>
</section>
<section id="view">
<div class="toolbar"><button id="back">← All documents</button><strong id="doc-title"></strong>
<label><input type="checkbox" id="hide-removed"> Hide removed text</label>
<label>Rule <select id="rule-filter"><option value="">all blocks</option></select></label>
<input id="search" type="search" placeholder="Search this document"></div>
<div class="legend" id="legend"></div>
<div class="panes"><div class="pane" id="source" aria-label="Source blocks"></div><div class="pane"><pre class="clean" id="clean" aria-label="Clean text"></pre></div></div>
</section>
</main>
`;

/** The page after the documents: the script that builds the table and opens documents. */
const PAGE_SCRIPT = `<script>
(() => {
  const { docs, rules, made } = JSON.parse(document.getElementById('index').textContent);
  // The header names what made the outputs (known once every document is read, so it comes with the index).
  document.getElementById('made').textContent = made.join('; ');
  // One colour per rule: hues spread by the golden angle over the rule list, and three lightness and
  // saturation steps in turn, so that two rules whose hues come close (past a dozen rules) still differ.
  const shade = new Map(rules.map((r, k) => [r, [Math.round((k * 137.508) % 360), [80, 60, 90][k % 3], [84, 74, 91][k % 3]]]));
  const colour = (rule) => { const [h, s, l] = shade.get(rule) ?? [0, 0, 85]; return 'hsl(' + h + ',' + s + '%,' + l + '%)'; };
  const el = (tag, props = {}, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e; };
  const tbody = document.querySelector('#docs tbody');
  const suspicious = docs.filter((d) => d.flags).length; const skipped = docs.filter((d) => d.skipped).length;
  document.getElementById('summary').textContent = docs.length + ' documents, ' + docs.reduce((n, d) => n + d.removed, 0) + ' blocks removed, ' + suspicious + ' suspicious' + (skipped ? ', ' + skipped + ' skipped' : '');
  // Suspicious documents first (the sort is stable: by name within each group).
  let rows = docs.slice().sort((a, b) => b.flags - a.flags);
  const onlySuspicious = document.getElementById('suspicious-only');
  const draw = () => {
    const q = document.getElementById('filter-docs').value.toLowerCase(); const rule = docRule.value;
    const shown = rows.filter((d) => (!q || (d.name + ' ' + (d.title || '')).toLowerCase().includes(q)) && (!rule || d.rules.includes(rule)) && (!onlySuspicious.checked || d.flags));
    document.getElementById('shown').textContent = shown.length === docs.length ? '' : shown.length + ' of ' + docs.length + ' documents';
    tbody.replaceChildren(...shown.map((d) => {
      const flags = el('td', { className: 'flags', textContent: d.suspicious.join('; ') });
      if (d.skipped) flags.append(el('span', { className: 'skipped', textContent: 'skipped: ' + d.skipped }));
      const tr = el('tr', { className: 'doc' + (d.flags ? ' suspicious' : '') }, el('td', { className: 'name', textContent: d.name, title: d.source }), flags, el('td', { textContent: d.title || '' }), el('td', { className: 'date', textContent: d.date || '' }), el('td', { textContent: d.lang || '' }),
        ...['kept', 'removed', 'charsIn', 'charsOut'].map((k) => el('td', { className: 'num', textContent: d[k] })), el('td', { textContent: d.top.join(', ') }));
      tr.dataset.k = d.k;
      tr.addEventListener('click', () => { location.hash = 'doc=' + encodeURIComponent(d.name); });
      return tr;
    }));
  };
  document.querySelectorAll('th[data-key]').forEach((th) => th.addEventListener('click', () => {
    // A second click reverses; the Suspicious column sorts most flags first on the first click.
    const sorted = th.getAttribute('aria-sort'); const key = th.dataset.key;
    const dir = sorted === 'ascending' ? -1 : sorted === 'descending' ? 1 : th.dataset.first === 'descending' ? -1 : 1;
    document.querySelectorAll('th[data-key]').forEach((t) => t.setAttribute('aria-sort', 'none'));
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    rows.sort((a, b) => (a[key] ?? '') < (b[key] ?? '') ? -dir : (a[key] ?? '') > (b[key] ?? '') ? dir : 0);
    draw();
  }));
  document.getElementById('filter-docs').addEventListener('input', draw);
  onlySuspicious.addEventListener('change', draw);
  const docRule = document.getElementById('doc-rule');
  const select = document.getElementById('rule-filter');
  for (const r of rules) { select.append(el('option', { value: r, textContent: r })); docRule.append(el('option', { value: r, textContent: r })); }
  docRule.addEventListener('change', draw);
  // The legend doubles as the rule filter: click a rule to show only its removals, again to show all.
  const legend = rules.map((r) => { const b = el('button', { type: 'button', textContent: r, style: 'background:' + colour(r) }); b.dataset.rule = r; b.addEventListener('click', () => { select.value = select.value === r ? '' : r; render(); }); return b; });
  document.getElementById('legend').append(...legend);
  const cache = new Map();
  const load = (k) => { if (!cache.has(k)) cache.set(k, JSON.parse(document.getElementById('doc-' + k).textContent)); return cache.get(k); };
  let current = null;
  const render = () => {
    const data = load(current); const rule = select.value; const q = document.getElementById('search').value.toLowerCase();
    const present = new Set(data.blocks.map((b) => b[2]).filter(Boolean));
    for (const b of legend) { b.hidden = !present.has(b.dataset.rule); b.setAttribute('aria-pressed', String(b.dataset.rule === rule)); }
    document.getElementById('source').replaceChildren(...data.blocks.map(([line, text, r, reason]) => {
      const div = el('div', { className: 'block' + (r ? ' removed' : ''), title: r ? r + ': ' + reason : 'kept, line ' + line });
      div.dataset.rule = r || '';
      if (q && text.toLowerCase().includes(q)) { const i = text.toLowerCase().indexOf(q); div.append(text.slice(0, i), el('mark', { textContent: text.slice(i, i + q.length) }), text.slice(i + q.length)); }
      else div.append(text);
      if (r) { div.style.borderLeftColor = colour(r); div.style.background = colour(r); div.append(el('span', { className: 'rule', textContent: '[' + r + ']' })); }
      if ((rule && r !== rule) || (q && !text.toLowerCase().includes(q))) div.classList.add('filtered');
      return div;
    }));
    const kept = data.blocks.filter((b) => b.length === 2).map((b) => b[1]);
    document.getElementById('clean').textContent = data.text ?? (kept.length ? kept.join('\\n\\n') + '\\n' : '');
  };
  const open = (k) => {
    current = k; const d = docs[k]; window.scrollTo(0, 0);
    document.getElementById('doc-title').textContent = d.name + (d.title ? ' — ' + d.title : '');
    document.getElementById('list').style.display = 'none'; document.getElementById('view').classList.add('open');
    render();
  };
  const close = () => { current = null; document.getElementById('view').classList.remove('open'); document.getElementById('list').style.display = ''; };
  // The open document lives in the URL (#doc=<name>): links to one document work, and so does the back button.
  const route = () => {
    const m = /^#doc=(.*)$/.exec(location.hash); const k = m ? byName.get(decodeURIComponent(m[1])) : undefined;
    if (k === undefined) close(); else open(k);
  };
  const byName = new Map(docs.map((d) => [d.name, d.k]));
  document.getElementById('back').addEventListener('click', () => { history.replaceState(null, '', location.pathname + location.search); close(); });
  window.addEventListener('hashchange', route);
  document.getElementById('hide-removed').addEventListener('change', (e) => document.body.classList.toggle('hide-removed', e.target.checked));
  select.addEventListener('change', render);
  document.getElementById('search').addEventListener('input', render);
  draw();
  route();
})();
</script>
</body></html>
`;

