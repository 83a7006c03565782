import type { RunComparison } from './compare.js';

/** A document the new run could not clean (engine summary.failed). */
export interface Failure {
  path: string;
  error: string;
}

/** GitHub Actions workflow commands escape %, CR and LF in messages (and , : in properties). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…::…` lines pointing at the first changed block of each changed document. */
export function githubAnnotations(cmp: RunComparison, failed: Failure[] = []): string {
  const lines: string[] = [];
  if (cmp.pipeline) {
    const options = cmp.pipeline.changes.length ? `: ${cmp.pipeline.changes.join('; ')}` : '';
    lines.push(`::error title=unboil check::${escapeData(`pipeline changed: ${cmp.pipeline.before} → ${cmp.pipeline.after}${options} (run unboil check --update to accept)`)}`);
  }
  for (const d of cmp.changed) {
    const first = [...d.newlyRemoved, ...d.newlyKept, ...d.otherRule, ...d.newBlocks].sort((a, b) => a.line - b.line)[0];
    const parts = [
      d.newlyRemoved.length ? `${d.newlyRemoved.length} newly removed (${[...new Set(d.newlyRemoved.map((b) => b.rule))].join(', ')})` : '',
      d.newlyKept.length ? `${d.newlyKept.length} newly kept (was ${[...new Set(d.newlyKept.map((b) => b.rule))].join(', ')})` : '',
      d.otherRule.length ? `${d.otherRule.length} removed by another rule (${[...new Set(d.otherRule.map((b) => `${b.before} → ${b.rule}`))].join(', ')})` : '',
      d.newBlocks.length ? `${d.newBlocks.length} new block${d.newBlocks.length === 1 ? '' : 's'} (${[...new Set(d.newBlocks.map((b) => b.rule ?? 'kept'))].join(', ')})` : '',
      d.vanishedBlocks.length ? `${d.vanishedBlocks.length} block${d.vanishedBlocks.length === 1 ? '' : 's'} gone` : '',
      d.metaChanged.length ? `metadata changed: ${d.metaChanged.join(', ')}` : '',
      d.provenance.length ? `sidecar changed: ${d.provenance.join(', ')}` : '',
    ].filter(Boolean);
    const message = `unboil output changed for ${d.name}: ${parts.join('; ') || 'clean text changed'}`;
    lines.push(`::error file=${escapeProperty(d.source)},line=${first?.line ?? 1},title=${escapeProperty('unboil check')}::${escapeData(message)}`);
  }
  for (const name of cmp.missing) lines.push(`::error title=unboil check::${escapeData(`expected output ${name} has no input any more`)}`);
  for (const name of cmp.added) lines.push(`::error title=unboil check::${escapeData(`no expected output for ${name} (run with --update)`)}`);
  for (const f of failed) lines.push(`::error file=${escapeProperty(f.path)},title=${escapeProperty('unboil check')}::${escapeData(`could not clean ${f.path}: ${f.error}`)}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const xml = (s: string) => s.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** JUnit XML: one test case per document, failed when its output changed. */
export function junitReport(cmp: RunComparison, names: string[], failed: Failure[] = []): string {
  const changed = new Map(cmp.changed.map((d) => [d.name, d]));
  const all = [...new Set([...names, ...cmp.missing])].sort();
  const cases = all.map((name) => {
    const d = changed.get(name);
    if (cmp.missing.includes(name)) return `    <testcase classname="unboil.check" name="${xml(name)}"><failure message="expected output has no input any more"/></testcase>`;
    if (cmp.added.includes(name)) return `    <testcase classname="unboil.check" name="${xml(name)}"><failure message="no expected output (run unboil check --update)"/></testcase>`;
    if (!d) return `    <testcase classname="unboil.check" name="${xml(name)}"/>`;
    const detail = [
      ...d.newlyRemoved.map((b) => `newly removed line ${b.line} [${b.rule}]: ${b.text}`),
      ...d.newlyKept.map((b) => `newly kept line ${b.line} [was ${b.rule}]: ${b.text}`),
      ...d.otherRule.map((b) => `line ${b.line} [${b.before} → ${b.rule}]: ${b.text}`),
      ...d.newBlocks.map((b) => `new block line ${b.line} [${b.rule ?? 'kept'}]: ${b.text}`),
      ...d.vanishedBlocks.map((b) => `gone block line ${b.line} [was ${b.rule ?? 'kept'}]: ${b.text}`),
      ...(d.metaChanged.length ? [`metadata changed: ${d.metaChanged.join(', ')}`] : []),
      ...(d.provenance.length ? [`sidecar changed: ${d.provenance.join(', ')}`] : []),
      d.patch,
    ].join('\n');
    return `    <testcase classname="unboil.check" name="${xml(name)}"><failure message="clean output changed">${xml(detail)}</failure></testcase>`;
  });
  // The pipeline is one run-level case: documents whose output did not change still pass.
  if (cmp.pipeline) cases.unshift(`    <testcase classname="unboil.check" name="(pipeline)"><failure message="${xml(`pipeline changed: ${cmp.pipeline.before} → ${cmp.pipeline.after}`)}"/></testcase>`);
  // A document that could not be cleaned has no output to compare: a JUnit <error>, not a <failure>.
  cases.push(...failed.map((f) => `    <testcase classname="unboil.check" name="${xml(f.path)}"><error message="${xml(`could not clean: ${f.error}`)}"/></testcase>`));
  const failures = all.filter((n) => changed.has(n) || cmp.missing.includes(n) || cmp.added.includes(n)).length + (cmp.pipeline ? 1 : 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="unboil check" tests="${cases.length}" failures="${failures}" errors="${failed.length}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
