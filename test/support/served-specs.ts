import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentText } from '../../bench/openapi-doc.ts';
import type { SpecSource } from '../../src/apis/openapi/index.ts';
import { fromRoot } from '../../src/paths.ts';

interface Entry {
  readonly file: string;
  readonly prefix?: string;
  readonly name?: string;
  readonly generate?: number;
}

/**
 * The documents of test/openapi/served.json as `specs` for `createTwin`/`startTwin`: every
 * contract-suite target serves them. A `generate` entry (the 2,000-operation document) is written
 * into the temporary folder first; its text is the same on every run.
 */
export function servedSpecs(): SpecSource[] {
  const { specs } = JSON.parse(readFileSync(fromRoot('test/openapi/served.json'), 'utf8')) as { specs: Entry[] };
  return specs.map((entry) => {
    let file = fromRoot(entry.file);
    if (entry.generate !== undefined) {
      file = join(tmpdir(), entry.file);
      writeFileSync(file, documentText({ operations: entry.generate }));
    }
    return { file, ...(entry.prefix === undefined ? {} : { prefix: entry.prefix }), ...(entry.name === undefined ? {} : { name: entry.name }) };
  });
}
