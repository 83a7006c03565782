import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_QUEUE } from '../distributed/jobs.js';
import { defaultConcurrency } from '../engine/pool.js';
import { formatFromExtension } from '../engine/inputs.js';
import type { TaskRunner } from '../engine/task-runner.js';
import { runPipeline } from '../engine/run.js';
import { buildOutputs } from '../engine/sidecar.js';
import { ConfigError, InputError } from '../errors.js';
import { renderJson, renderJsonLine } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { Stats } from '../stages/types.js';
import { createCliLogger, silentLogger } from '../log.js';
import { pino } from 'pino';
import type { Format } from '../model/document.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/output-format.js';
import { SIDECAR_LAYOUTS, type SidecarLayout } from '../model/sidecar.js';
import { EXIT } from './io.js';
import { catchInterrupt, stoppedBy } from './interrupt.js';
import { checkLogFile } from './log-file.js';
import { formatOption, heapLimitOption, logLevelOption, positiveInt, positiveSeconds, type CommandContext } from './main.js';
import { favorOption, langOption, pipelineFromFlags, setOption, type PipelineFlags } from './pipeline-flags.js';
import { progressBar } from './progress.js';
import { formatSummary } from './summary.js';
import { checkOutFolder, refuseUrls } from './usage.js';

interface RunFlags extends PipelineFlags {
  out: string;
  concurrency: number;
  timeout: number;
  heapLimit: number;
  format?: Format;
  outputFormat: OutputFormat;
  sidecar: SidecarLayout;
  stdout?: boolean;
  name?: string;
  logLevel: string;
  logFile?: string;
  quiet?: boolean;
  queue?: string;
  queueName: string;
  batchSize: number;
  attempts: number;
  queuePatience: number;
  queueCheck: number;
}

export function registerRun(program: Command, ctx: CommandContext): void {
  program
    .command('run')
    .description('Clean files and folders (recursively) and write <out>/<rel>/<name>.txt, <name>.json and <out>/_run.json')
    .argument('<input...>', 'files or folders: .txt .text .html .htm .xhtml, and any of them .gz')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('-p, --pipeline <name|path>', 'built-in pipeline name (default, strict) or path to a pipeline JSON file', 'default')
    .addOption(setOption())
    .addOption(favorOption())
    .addOption(langOption())
    .option('-c, --concurrency <n>', 'worker threads, one document at a time each (default: the number of cores)', positiveInt, defaultConcurrency())
    .option('-t, --timeout <seconds>', 'per-document time limit: a document that takes longer fails alone', positiveSeconds, 30)
    .addOption(heapLimitOption())
    .addOption(formatOption())
    .addOption(
      new Option('-O, --output-format <format>', 'also write <name>.md (markdown), <name>.doc.json (json) or one documents.jsonl (jsonl); the clean text and sidecar are always written')
        .choices([...OUTPUT_FORMATS])
        .default('text'),
    )
    .addOption(
      new Option('--sidecar <layout>', 'full: every block with its text and DOM path; compact: kept blocks without text (the .txt has it), removed ones with a short text and a hash, no DOM paths')
        .choices([...SIDECAR_LAYOUTS])
        .default('full'),
    )
    .option('--stdout', 'print the clean text (or --output-format) of a single input on stdout instead of writing outputs; the input - reads standard input')
    .option('--name <name>', 'the name of the document read from standard input (shown as its path; its extension is a format hint)', 'stdin')
    .addOption(logLevelOption())
    .option('--log-file <path>', 'write the JSON logs to this file instead of stderr')
    .option('-q, --quiet', 'no summary on stdout')
    .option('--queue <url>', 'coordinate `unboil worker`s on other machines through this Redis (redis://host:port[/db]) instead of cleaning here')
    .option('--queue-name <name>', 'queue name, one coordinator at a time per name (with --queue)', DEFAULT_QUEUE)
    .option('--batch-size <n>', 'documents per job (with --queue)', positiveInt, 50)
    .option('--attempts <n>', 'tries of a job before its documents fail (with --queue)', positiveInt, 3)
    .option('--queue-patience <seconds>', 'how long Redis may be unreachable mid-run before the run stops (with --queue)', positiveSeconds, 30)
    .option('--queue-check <seconds>', 'how often the batches waited for are looked up in Redis: one lost (a Redis restored from an older snapshot) is enqueued again (with --queue)', positiveSeconds, 10)
    .addHelpText(
      'after',
      '\nOutputs are written as documents finish; <out>/_run.json is written last and marks a complete run.\n' +
        'A re-run skips documents whose outputs are up to date and finishes what an interrupted run left\n' +
        '(the state is kept in <out>/.unboil/); outputs of inputs that are gone are removed.\n' +
        '\nWith --queue, workers (`unboil worker --queue <url>`) clean the documents; they must see the inputs and\n' +
        'the output folder at the same absolute paths (a shared file system). The outputs are those of a local run.\n' +
        '\nExit codes: 0 all documents cleaned; 1 some documents failed (named on stderr, the others written), or\n' +
        'Redis was lost mid-run (run again to resume); 2 usage or pipeline error, or Redis unreachable (nothing written);\n' +
        '130 (143) a run on a queue stopped by Ctrl-C (SIGTERM): its queue is freed at once.',
    )
    .action(async (inputs: string[], flags: RunFlags) => {
      const { io } = ctx;
      refuseUrls(inputs);
      if (flags.stdout || inputs.includes('-')) {
        ctx.exitCode = await printOne(inputs, flags, ctx);
        return;
      }
      checkOutFolder(flags.out);
      if (flags.logFile) checkLogFile(flags.logFile, inputs, flags.out, io.cwd);
      const logger = createCliLogger({
        level: flags.logLevel,
        destination: flags.logFile ? pino.destination({ dest: resolve(io.cwd, flags.logFile), sync: true }) : { write: (line: string) => io.stderr(line) },
        sharesStderr: !flags.logFile,
      });
      const bar = io.stderrIsTTY ? progressBar(process.stderr) : undefined;
      const started = performance.now();
      let queue: TaskRunner | null = null;
      // A coordinator stops cleanly on Ctrl-C: it frees its queue at once for the next one.
      const interrupt = flags.queue ? catchInterrupt() : null;
      // BullMQ is loaded only for a run on a queue: it adds about a second to every start of the CLI.
      const runner = flags.queue
        ? (await import('../distributed/queue-runner.js')).queueRunner({ url: flags.queue, queueName: flags.queueName, batchSize: flags.batchSize, attempts: flags.attempts, patienceMs: flags.queuePatience * 1000, checkMs: flags.queueCheck * 1000, out: resolve(io.cwd, flags.out), signal: interrupt!.signal, logger })
        : null;
      const done = await runPipeline({
        inputs,
        out: flags.out,
        pipeline: pipelineFromFlags(flags, io),
        concurrency: flags.concurrency,
        timeoutMs: flags.timeout * 1000,
        heapLimitMb: flags.heapLimit,
        ...(flags.format ? { format: flags.format } : {}),
        outputFormat: flags.outputFormat,
        sidecar: flags.sidecar,
        logger,
        cwd: io.cwd,
        ...(bar ? { onProgress: bar.update } : {}),
        ...(runner ? { runner: async (setup) => (queue = await runner(setup)) } : {}),
      })
        .catch((error: unknown) => {
          bar?.end();
          return stoppedBy(interrupt, error, ctx);
        })
        .finally(() => interrupt?.dispose());
      if (!done) return;
      const { summary, activity } = done;
      bar?.end();
      for (const failure of summary.failed) io.stderr(`unboil: ${failure.path}: ${failure.error}\n`);
      if (!flags.quiet) {
        io.stdout(formatSummary(summary, activity, flags.out, performance.now() - started));
        if (queue) io.stdout(`  workers: ${(queue as TaskRunner).workers ?? 0} took part (queue "${flags.queueName}")\n`);
      }
      ctx.exitCode = summary.failed.length ? EXIT.failed : EXIT.ok;
    });
}

/**
 * `--stdout`: one document, cleaned in memory with the per-document stages
 * (corpus stages need a run), printed in the output format; nothing is
 * written. `-` is standard input, named by `--name`.
 */
async function printOne(inputs: string[], flags: RunFlags, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (!flags.stdout) throw new ConfigError('- reads one document from standard input: add --stdout to print its clean text (or save it to a file and run on that)');
  if (inputs.length !== 1) throw new ConfigError(`--stdout prints one document: give a single input (got ${inputs.length})`);
  const [given] = inputs as [string];
  const path = given === '-' ? flags.name ?? 'stdin' : given;
  let bytes: Buffer;
  if (given === '-') {
    if (!io.readStdin) throw new ConfigError('no standard input to read');
    bytes = await io.readStdin();
  } else {
    try {
      bytes = await readFile(resolve(io.cwd, given));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(code === 'ENOENT' ? `input not found: ${given}` : `cannot read ${given}: ${code ?? (error as Error).message}`);
    }
  }
  const pipeline = pipelineFromFlags(flags, io);
  try {
    // One document cleaned here, on the main thread: only then does it load the stages' code.
    const { processDocument } = await import('../engine/clean.js');
    const record = processDocument(bytes, { path, format: flags.format ?? null, nameFormat: formatFromExtension(path) }, pipeline, { logger: silentLogger, stats: new Stats() });
    if (record.skipped) {
      // Nothing to print: the document is not wanted, and saying why keeps it from vanishing silently.
      io.stderr(`unboil: ${path}: skipped: ${record.skipped.reason}\n`);
      return EXIT.ok;
    }
    const { text } = buildOutputs(record, pipeline);
    const format = flags.outputFormat;
    io.stdout(format === 'markdown' ? renderMarkdown(record) : format === 'json' ? renderJson(record, text) : format === 'jsonl' ? renderJsonLine(record, text) : text);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`unboil: ${path}: ${error.message}\n`);
    return EXIT.failed;
  }
}
