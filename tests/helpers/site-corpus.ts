// A small site corpus and a byte-level view of an output folder, shared by
// the engine's tests and the distributed run's.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOPICS = ['harvest', 'library', 'bridge', 'choir', 'market', 'river', 'school', 'museum', 'railway', 'garden', 'festival', 'harbour'];
export const FOOTER = 'The Valley Gazette is printed by the Valley Press Company in Riverside and delivered every morning.';

/** A news story about one topic: a few sentences only it has. */
export function story(topic: string, k: number): string {
  return [
    `The ${topic} committee met on Tuesday evening to discuss plans for the coming season number ${k}.`,
    `Residents asked many questions about the ${topic}, and the chair promised a public report before winter.`,
    `Volunteers for the ${topic} will gather again next month, when the budget for item ${k * 7} is settled.`,
  ].join(' ');
}

/**
 * A folder of text dumps from one site: every page ends with the same
 * footer (a site template) and one page is a copy of another (a duplicate
 * document), so both corpus stages have work.
 */
export function siteCorpus(dir: string, n = TOPICS.length): void {
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < n; k++) {
    const topic = TOPICS[k % TOPICS.length]!;
    writeFileSync(join(dir, `page${String(k).padStart(3, '0')}.txt`), `valleygazette.example\n\nNews about the ${topic} ${k}\n\n${story(topic, k)}\n\n${FOOTER}\n`);
  }
  writeFileSync(join(dir, 'zcopy.txt'), readFileSync(join(dir, 'page001.txt')));
}

/** Every file under dir with its bytes, without the run's state folder. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      if (d === dir && name === '.unboil') continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full, `${rel}${name}/`);
      else out[`${rel}${name}`] = readFileSync(full, 'utf8');
    }
  };
  walk(dir, '');
  return out;
}
