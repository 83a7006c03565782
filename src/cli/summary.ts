import type { RunActivity, RunSummary } from '../engine/run.js';

/** What a run did beside cleaning, when it did more than clean everything: skipped, rewritten, removed. */
function activityLine(a: RunActivity): string | null {
  const parts = [
    a.skipped ? `${a.skipped} up to date (skipped)` : '',
    a.rewritten ? `${a.rewritten} rewritten by corpus stages` : '',
    a.removed ? `${a.removed} removed (input gone)` : '',
  ].filter(Boolean);
  return parts.length ? `  ${a.cleaned} cleaned now, ${parts.join(', ')}` : null;
}

/** The short human summary `unboil run` prints on stdout. */
export function formatSummary(summary: RunSummary, activity: RunActivity | null, out: string | undefined, ms: number): string {
  const { totals } = summary;
  const lines = [
    `unboil: ${summary.cleaned}/${summary.documents} documents cleaned with pipeline "${summary.pipeline.name}" in ${(ms / 1000).toFixed(2)}s` +
      (out ? ` → ${out}` : ''),
    ...(activity && activityLine(activity) ? [activityLine(activity)!] : []),
    `  blocks: ${totals.blocks} in, ${totals.kept} kept, ${totals.removed} removed; chars: ${totals.charsIn} in, ${totals.charsOut} out`,
  ];
  const rules = Object.entries(totals.removedBy).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  if (rules.length) {
    lines.push('  removed by rule:');
    const width = Math.max(...rules.map(([rule]) => rule.length));
    for (const [rule, n] of rules) lines.push(`    ${rule.padEnd(width)}  ${n}`);
  }
  if (summary.failed.length) {
    lines.push(`  failed: ${summary.failed.length}`);
    for (const f of summary.failed) lines.push(`    ${f.path}: ${f.error}`);
  }
  return `${lines.join('\n')}\n`;
}
