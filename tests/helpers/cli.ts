import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

/** Runs the CLI in-process in `cwd` and captures what it prints. */
export async function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
    stdoutIsTTY: false,
    env,
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
