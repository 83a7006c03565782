// The command line of a benchmark or maintenance script: node's parseArgs,
// plus `--help` (the script's leading `//` comment, which is its usage) and a
// one-line error with the usage line for an unknown option or a missing value,
// instead of parseArgs' stack trace.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The leading `//` comment block of a script (after a shebang), without the slashes. */
export function usageOf(source) {
  const lines = source.split('\n');
  let i = lines[0]?.startsWith('#!') ? 1 : 0;
  const out = [];
  for (; i < lines.length && lines[i].startsWith('//'); i++) out.push(lines[i].replace(/^\/\/ ?/, ''));
  return out.join('\n').trim();
}

/**
 * parseArgs for the script at `url` (pass `import.meta.url`). `--help` prints
 * the usage and exits 0; a bad command line prints the error and the usage's
 * first paragraph to stderr and exits 2.
 */
export function scriptArgs(url, config, argv = process.argv.slice(2)) {
  const usage = usageOf(readFileSync(fileURLToPath(url), 'utf8'));
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args: argv });
  } catch (error) {
    const synopsis = usage.split('\n\n')[0];
    process.stderr.write(`${basename(fileURLToPath(url))}: ${error.message}\n\n${synopsis}\n(--help for more)\n`);
    process.exit(2);
  }
}
