import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Format } from '../model/document.js';
import { writeAtomic } from '../engine/write.js';
import { checkOutputs } from '../review/check.js';
import { githubAnnotations, junitReport } from '../review/ci-reports.js';
import { colorEnabled, paint } from '../review/color.js';
import { renderComparison } from '../review/render-compare.js';
import { EXIT } from './io.js';
import { formatOption, type CommandContext } from './main.js';
import { favorOption, langOption, pipelineFromFlags, setOption, type PipelineFlags } from './pipeline-flags.js';
import { checkOutFolder, refuseUrls } from './usage.js';

interface CheckFlags extends PipelineFlags {
  expected: string;
  update?: boolean;
  junit?: string;
  color?: boolean;
  format?: Format;
  out?: string;
}

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('CI: re-clean inputs and compare with committed outputs (the expected folder is never touched without --update)')
    .argument('<input...>', 'the inputs the expected folder was made from')
    .requiredOption('-e, --expected <dir>', 'committed output folder of `unboil run`')
    .option('-p, --pipeline <name|path>', 'pipeline to clean with', 'default')
    .addOption(formatOption())
    .addOption(setOption())
    .addOption(favorOption())
    .addOption(langOption())
    .option('-o, --out <dir>', 'also write the new outputs to this folder, as `run` would (for CI artifacts); the expected folder is untouched')
    .option('--update', 'rewrite the expected folder with the new outputs (deleting outputs whose input is gone)')
    .option('--junit <file>', 'write a JUnit XML report (one test case per document)')
    .option('--no-color', 'no colours (also when NO_COLOR is set or stdout is not a terminal)')
    .addHelpText(
      'after',
      '\nExit codes: 0 outputs identical (or, with --update, rewritten); 1 outputs changed (a per-document diff is\nprinted; GitHub annotations when GITHUB_ACTIONS=true) or a document failed to clean; 2 usage or pipeline error.',
    )
    .action(async (inputs: string[], flags: CheckFlags) => {
      const { io } = ctx;
      refuseUrls(inputs);
      if (flags.out !== undefined) checkOutFolder(flags.out);
      const result = await checkOutputs({
        inputs,
        expected: flags.expected,
        pipeline: pipelineFromFlags(flags, io),
        cwd: io.cwd,
        update: flags.update ?? false,
        ...(flags.format ? { format: flags.format } : {}),
        ...(flags.out !== undefined ? { out: flags.out } : {}),
      });
      const { cmp, failed } = result;
      for (const f of failed) io.stderr(`unboil: ${f.path}: ${f.error}\n`);
      if (flags.junit) await writeAtomic(resolve(io.cwd, flags.junit), junitReport(cmp, result.names, failed));
      const c = paint(colorEnabled(flags.color, io.stdoutIsTTY, io.env));
      if (flags.update) {
        if (result.differs) io.stdout(renderComparison(cmp, c));
        const deleted = result.deleted.length ? `, deleted ${result.deleted.length} stale files` : '';
        io.stdout(`unboil check: rewrote ${flags.expected} (${result.names.length} documents, ${cmp.changed.length} changed, ${cmp.added.length} new${deleted})\n`);
        ctx.exitCode = failed.length ? EXIT.failed : EXIT.ok;
        return;
      }
      if (result.differs) {
        io.stdout(renderComparison(cmp, c));
        io.stdout(`unboil check: outputs differ from ${flags.expected}; review the diff above, then run with --update to accept it\n`);
      } else io.stdout(`unboil check: ${cmp.same} documents match ${flags.expected}\n`);
      if (io.env.GITHUB_ACTIONS === 'true') io.stdout(githubAnnotations(cmp, failed));
      ctx.exitCode = result.differs || failed.length ? EXIT.failed : EXIT.ok;
    });
}
