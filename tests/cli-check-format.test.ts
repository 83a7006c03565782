import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('unboil check --format', () => {
  it('checks outputs made with run --format html by cleaning the inputs the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unboil-check-format-'));
    mkdirSync(join(dir, 'scrapes'));
    // Markup in a .text file (not sniffed: --format decides), so only --format html reads it as a page.
    writeFileSync(
      join(dir, 'scrapes/page.text'),
      '<div class="post"><h1>Bridge repairs</h1><p>The council decided on Tuesday that the old stone bridge will be repaired rather than replaced, after a long debate.</p><p>Work is expected to begin in the autumn, when the water is low.</p></div>',
    );
    expect((await runCli(['run', 'scrapes', '--out', 'clean', '--format', 'html', '--quiet'], dir)).code).toBe(0);
    const same = await runCli(['check', 'scrapes', '--expected', 'clean', '--format', 'html', '--no-color'], dir);
    expect(same).toEqual({ code: 0, stdout: 'unboil check: 1 documents match clean\n', stderr: '' });
    const other = await runCli(['check', 'scrapes', '--expected', 'clean', '--format', 'text', '--no-color'], dir);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('unboil check: outputs differ from clean');
    const diff = await runCli(['diff', 'scrapes', '--format', 'html', '--no-color'], dir);
    expect(diff.stdout).toContain('Bridge repairs');
    expect(diff.stdout).not.toContain('<h1>');
  }, 120_000);
});
