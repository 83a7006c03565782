import type { Paint } from './color.js';
import type { RunComparison } from './compare.js';

const clip = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The human view of a comparison between two runs (`diff --before/--after`, `check`). */
export function renderComparison(cmp: RunComparison, c: Paint): string {
  const out: string[] = [];
  if (cmp.pipeline) {
    out.push(c.yellow(`~ pipeline ${cmp.pipeline.before} → ${cmp.pipeline.after}`));
    for (const change of cmp.pipeline.changes) out.push(c.yellow(`    ${change}`));
  }
  for (const d of cmp.changed) {
    out.push(c.bold(`~ ${d.source} (${d.name})`));
    for (const b of d.newlyRemoved) out.push(c.red(`  - newly removed  line ${b.line}  [${b.rule}] `) + clip(b.text) + c.dim(`  ${b.reason}`));
    for (const b of d.newlyKept) out.push(c.green(`  + newly kept     line ${b.line}  [was ${b.rule}] `) + clip(b.text));
    for (const b of d.otherRule) out.push(c.yellow(`  ~ other rule     line ${b.line}  [${b.before} → ${b.rule}] `) + clip(b.text));
    // Blocks only one side has (an edited input): what each is and what became of it.
    for (const b of d.newBlocks) out.push(c.green(`  + new block      line ${b.line}  `) + (b.rule ? c.red(`[${b.rule}] `) : '[kept] ') + clip(b.text) + (b.reason ? c.dim(`  ${b.reason}`) : ''));
    for (const b of d.vanishedBlocks) out.push(c.red(`  - gone block     line ${b.line}  [was ${b.rule ?? 'kept'}] `) + clip(b.text));
    if (d.metaChanged.length) out.push(c.yellow(`  ~ metadata: ${d.metaChanged.join(', ')}`));
    if (d.provenance.length) out.push(c.yellow(`  ~ sidecar: ${d.provenance.join(', ')}`));
    if (d.patch) {
      for (const line of d.patch.split('\n').slice(2)) {
        if (!line || line.startsWith('\\')) continue;
        out.push(`    ${line.startsWith('+') ? c.green(line) : line.startsWith('-') ? c.red(line) : line.startsWith('@@') ? c.dim(line) : line}`);
      }
    }
  }
  for (const name of cmp.added) out.push(c.green(`+ new document ${name}`));
  for (const name of cmp.missing) out.push(c.red(`- missing document ${name}`));
  const moved = Object.entries(cmp.rules).filter(([, n]) => n.before !== n.after);
  if (moved.length) {
    out.push(c.bold('removals by rule (before → after):'));
    const width = Math.max(...moved.map(([r]) => r.length));
    for (const [rule, n] of moved) out.push(`  ${rule.padEnd(width)}  ${n.before} → ${n.after} (${n.after - n.before > 0 ? '+' : ''}${n.after - n.before})`);
  }
  const total = cmp.same + cmp.changed.length;
  out.push(`${cmp.changed.length} of ${total} documents changed${cmp.added.length ? `, ${cmp.added.length} new` : ''}${cmp.missing.length ? `, ${cmp.missing.length} missing` : ''}`);
  return `${out.join('\n')}\n`;
}
