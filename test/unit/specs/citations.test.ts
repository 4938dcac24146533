import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The specs are published as the twin's documentation, so every source they cite must be one a
// reader can open (a vendor file path, test name or documentation URL). Section marks and
// references to private research notes or search-index ids point at material users do not have.
const specDir = new URL('../../../openapi/', import.meta.url);
const privateCitations: ReadonlyArray<readonly [string, RegExp]> = [
  ['section sign', /§/],
  ['research/ path', /research\//i],
  ['research notes', /research notes/i],
  ['search index id', /index id/i],
];

const specFiles = readdirSync(specDir).filter((name) => /\.ya?ml$/.test(name)).sort();

describe('spec citations', () => {
  it('finds the spec files', () => {
    expect(specFiles).toContain('rocketchat.yaml');
    expect(specFiles).toContain('roam.yaml');
  });

  it.each(specFiles)('openapi/%s cites no private material', (name) => {
    const lines = readFileSync(new URL(name, specDir), 'utf8').split('\n');
    const hits: string[] = [];
    lines.forEach((line, index) => {
      for (const [what, pattern] of privateCitations) {
        if (pattern.test(line)) hits.push(`openapi/${name}:${index + 1}: ${what}: ${line.trim()}`);
      }
    });
    expect(hits, hits.join('\n')).toEqual([]);
  });
});
