// The package installs as a dependency: `npm pack`, then `npm install ./unboil-*.tgz` in a
// fresh project, and its CLI runs, without TypeScript and without building anything at
// install time. dist/ is built at pack time (prepack; here the checkout's build, packed with
// --ignore-scripts to spare a second tsc run) and `prepare` does nothing outside a checkout.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('npm package', () => {
  it('packs dist/ without sources and installs into a fresh project where `unboil` runs', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-pack-'));
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('bin/unboil.js');
    expect(files).toContain('pipelines/default.json');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('tests/') || f === 'tsconfig.json')).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.scripts.prepack).toMatch(/tsc -p tsconfig\.json$/);

    const project = join(dir, 'consumer');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    npm(['install', '--prefer-offline', '--no-audit', '--save-dev', join(dir, packed!.filename)], project);
    expect(existsSync(join(project, 'node_modules/typescript'))).toBe(false);
    const bin = join(project, 'node_modules/.bin/unboil');
    expect(execFileSync(bin, ['--help'], { cwd: project, encoding: 'utf8' })).toMatch(/^Usage: unboil \[options\] \[command\]/);

    mkdirSync(join(project, 'scrapes'));
    writeFileSync(join(project, 'scrapes/page.html'), '<html><head><title>Hello</title></head><body><article><p>The package runs from node_modules, with its built-in pipelines, and writes its outputs.</p></article></body></html>');
    execFileSync(bin, ['run', 'scrapes', '--out', 'clean', '--quiet'], { cwd: project, encoding: 'utf8' });
    expect(readdirSync(join(project, 'clean')).sort()).toEqual(['.unboil', '_run.json', 'page.json', 'page.txt']);
    expect(readFileSync(join(project, 'clean/page.txt'), 'utf8')).toBe('The package runs from node_modules, with its built-in pipelines, and writes its outputs.\n');
  });
});
