import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runPipeline } from '../engine/run.js';
import { githubAnnotations, junitReport } from '../review/ci-reports.js';
import { colorEnabled, paint } from '../review/color.js';
import { compareRuns } from '../review/compare.js';
import { cleanInputs, readOutputDir } from '../review/documents.js';
import { renderComparison } from '../review/render-compare.js';
import { EXIT } from './io.js';
import type { CommandContext } from './main.js';

interface CheckFlags {
  expected: string;
  pipeline: string;
  update?: boolean;
  junit?: string;
  color?: boolean;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('CI: re-clean inputs and compare with committed outputs (the expected folder is never touched without --update)')
    .argument('<input...>', 'the inputs the expected folder was made from')
    .requiredOption('-e, --expected <dir>', 'committed output folder of `unboil run`')
    .option('-p, --pipeline <name|path>', 'pipeline to clean with', 'default')
    .option('--update', 'rewrite the expected folder with the new outputs')
    .option('--junit <file>', 'write a JUnit XML report (one test case per document)')
    .option('--no-color', 'no colours')
    .addHelpText(
      'after',
      '\nExit codes: 0 outputs identical; 1 outputs changed (a per-document diff is printed; GitHub annotations\nwhen GITHUB_ACTIONS=true); 2 usage or pipeline error.',
    )
    .action(async (inputs: string[], flags: CheckFlags) => {
      const { io } = ctx;
      if (flags.update) {
        const { summary } = await runPipeline({ inputs, out: flags.expected, pipeline: flags.pipeline, cwd: io.cwd });
        io.stdout(`unboil check: rewrote ${flags.expected} (${summary.cleaned} documents)\n`);
        ctx.exitCode = summary.failed.length ? EXIT.failed : EXIT.ok;
        return;
      }
      const expected = readOutputDir(flags.expected, io.cwd);
      const { docs, failed } = await cleanInputs(inputs, { pipeline: flags.pipeline, cwd: io.cwd });
      const cmp = compareRuns(expected, docs);
      for (const f of failed) io.stderr(`unboil: ${f.path}: ${f.error}\n`);
      if (flags.junit) writeFileSync(resolve(io.cwd, flags.junit), junitReport(cmp, docs.map((d) => d.name)));
      const differs = cmp.changed.length > 0 || cmp.added.length > 0 || cmp.missing.length > 0;
      if (differs) {
        io.stdout(renderComparison(cmp, paint(colorEnabled(flags.color, io.stdoutIsTTY, io.env))));
        io.stdout(`unboil check: outputs differ from ${flags.expected}; review the diff above, then run with --update to accept it\n`);
        if (io.env.GITHUB_ACTIONS === 'true') io.stdout(githubAnnotations(cmp));
      } else io.stdout(`unboil check: ${cmp.same} documents match ${flags.expected}\n`);
      ctx.exitCode = differs || failed.length ? EXIT.failed : EXIT.ok;
    });
}
