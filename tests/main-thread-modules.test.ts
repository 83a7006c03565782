import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The main thread of a run resolves the pipeline from the stages' specs
 * and never loads the stages' code: that code (and its parsers, date and
 * language models) lives in the worker threads only. Checked on the build,
 * in a fresh node whose module loader records every module it loads (a
 * loader hook, so static and dynamic imports alike are seen).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path: string) => pathToFileURL(join(root, 'dist', path)).href;
const work = mkdtempSync(join(tmpdir(), 'unboil-modules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOOKS = `let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
`;

/** The URLs of every module node loads to import `modules` and run `after` (a script body with `m`, the imported modules). */
function loadedModules(modules: string[], after = ''): string[] {
  const hooks = join(work, 'hooks.mjs');
  writeFileSync(hooks, HOOKS);
  const script = join(work, `load-${modules.length}-${after.length}.mjs`);
  writeFileSync(
    script,
    `import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
port1.on('message', (url) => urls.push(url));
register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { port: port2 }, transferList: [port2] });
const m = await Promise.all(${JSON.stringify(modules)}.map((url) => import(url)));
${after}
// The hooks thread posts as it loads: wait until the last module imported has been reported.
await new Promise((resolve) => setTimeout(resolve, 300));
port1.close();
process.stdout.write(JSON.stringify(urls));
`,
  );
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' })) as string[];
}

/** The parsers and models the stages use, and the stages' own modules (helpers they share with rendering may load). */
const STAGE_CODE =
  /node_modules\/(?:chrono-node|franc-min|cheerio|retext-english|htmlparser2)\/|\/dist\/stages\/(?:implementations|read\/decode|text\/segment|text\/normalize|meta\/language|text\/boilerplate\/index|html\/boilerplate|html\/segment-html|meta\/byline|text\/dedupe|meta\/html-metadata|meta\/metadata)\.js$/;

describe('what the main thread loads', () => {
  it('the CLI, the engine and a resolved pipeline load no stage code', () => {
    const urls = loadedModules(
      [dist('cli/main.js'), dist('engine/run.js'), dist('config/pipeline.js'), dist('config/json-schema.js')],
      // Resolving pipelines (options, hash, warnings) and the JSON Schema, as `unboil run` and `--help` do.
      `m[2].loadPipeline('default'); m[2].loadPipeline('strict', '.', { set: ['dedupe.exact=false', 'language.only=["de"]'] }); m[3].jsonSchemas();`,
    );
    expect(urls.some((url) => url.endsWith('/dist/stages/registry.js'))).toBe(true);
    expect(urls.filter((url) => STAGE_CODE.test(url))).toEqual([]);
  });

  it('sees the stage code when it is loaded (the check above can fail)', () => {
    const urls = loadedModules([dist('stages/implementations.js')]);
    const packages = new Set(urls.map((url) => /node_modules\/([^/]+)\//.exec(url)?.[1]).filter(Boolean));
    expect([...packages].filter((name) => ['chrono-node', 'franc-min', 'cheerio'].includes(name!)).sort()).toEqual(['cheerio', 'chrono-node', 'franc-min']);
  });
});
