import { Option, type Command } from 'commander';
import { didYouMean } from '../config/suggest.js';
import { ConfigError } from '../errors.js';
import type { Format } from '../model/document.js';
import { documentJson, matchesRule, renderDocument } from '../review/block-view.js';
import { colorEnabled, paint } from '../review/color.js';
import { compareFolders, differs, type UsedPipelines } from '../review/compare.js';
import { indexOutputDir, loadDocuments } from '../review/documents.js';
import { renderComparison } from '../review/render-compare.js';
import { recordedStages } from '../review/run-pipelines.js';
import { EXIT } from './io.js';
import { formatOption, positiveInt, type CommandContext } from './main.js';
import { favorOption, langOption, pipelineFromFlags, setOption, type PipelineFlags } from './pipeline-flags.js';
import { refuseUrls } from './usage.js';

/** Indents a JSON document as an element of a top-level array. */
const indent = (json: string) => json.replace(/^/gm, '  ');

interface DiffFlags extends PipelineFlags {
  before?: string;
  after?: string;
  json?: boolean;
  rule?: string;
  context?: number;
  color?: boolean;
  format?: Format;
}

/** The closest rule id the documents do have: full ids for "stage/rule", bare rule names otherwise. */
function ruleHint(rule: string, ids: Set<string>): string {
  return didYouMean(rule, rule.includes('/') ? ids : [...ids].map((id) => id.slice(id.indexOf('/') + 1)));
}

export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('Show what was removed and why, block by block; or, with --before/--after, what changed between two runs')
    .argument('[input-or-output...]', 'output folders or sidecars of `unboil run`, or inputs to clean in memory')
    .option('--before <dir>', 'output folder of the earlier run')
    .option('--after <dir>', 'output folder of the later run')
    .option('-p, --pipeline <name|path>', 'pipeline for inputs cleaned in memory', 'default')
    .addOption(formatOption())
    .addOption(setOption())
    .addOption(favorOption())
    .addOption(langOption())
    .option('--rule <id>', 'only removals by this rule ("boilerplate/related" or "related")')
    .addOption(new Option('--context <n>', 'show only removals and n blocks around each').argParser((v) => (v === '0' ? 0 : positiveInt(v))))
    .option('--json', 'machine-readable output')
    .option('--no-color', 'no colours (also when NO_COLOR is set or stdout is not a terminal)')
    .addHelpText('after', '\nExit codes: 0 shown; 1 with --before/--after when the runs differ; 2 usage error.')
    .action(async (args: string[], flags: DiffFlags) => {
      const { io } = ctx;
      const c = paint(!flags.json && colorEnabled(flags.color, io.stdoutIsTTY, io.env));
      if (flags.before || flags.after) {
        if (!flags.before || !flags.after || args.length) throw new ConfigError('give both --before <dir> and --after <dir>, and no other arguments');
        const stages = (dir: string) => (used: UsedPipelines) => recordedStages(dir, io.cwd, used);
        const cmp = compareFolders(indexOutputDir(flags.before, io.cwd), indexOutputDir(flags.after, io.cwd), io.cwd, { before: stages(flags.before), after: stages(flags.after) });
        io.stdout(flags.json ? `${JSON.stringify(cmp, null, 2)}\n` : renderComparison(cmp, c));
        ctx.exitCode = differs(cmp) ? EXIT.failed : EXIT.ok;
        return;
      }
      if (!args.length) throw new ConfigError('nothing to show: give output folders, sidecars or inputs (or --before and --after)');
      refuseUrls(args);
      const pipeline = pipelineFromFlags(flags, io);
      const view = { ...(flags.rule ? { rule: flags.rule } : {}), ...(flags.context !== undefined ? { context: flags.context } : {}) };
      // One document at a time: printed as it is read, never the whole folder in memory.
      let seen = 0;
      let shown = 0;
      if (flags.json) io.stdout('[');
      // The rule ids the documents have, for a suggestion when --rule matches none (a few dozen strings, not the documents).
      const ruleIds = new Set<string>();
      for await (const d of loadDocuments(args, { pipeline, cwd: io.cwd, ...(flags.format ? { format: flags.format } : {}) })) {
        seen++;
        for (const id of Object.keys(d.sidecar.stats.removedBy)) ruleIds.add(id);
        if (flags.rule && !d.sidecar.blocks.some((b) => matchesRule(b, flags.rule))) continue;
        if (flags.json) io.stdout(`${shown ? ',' : ''}\n${indent(JSON.stringify(documentJson(d, view), null, 2))}`);
        else io.stdout(`${shown ? '\n' : ''}${renderDocument(d, view, c)}`);
        shown++;
      }
      if (flags.json) io.stdout(shown ? '\n]\n' : ']\n');
      // Say so on stderr rather than print nothing: a typo in a rule id should not look like "no removals".
      if (flags.rule && !shown) io.stderr(`unboil diff: no block removed by rule ${flags.rule} in ${seen} documents${ruleHint(flags.rule, ruleIds)}\n`);
    });
}
