// Writes a copy of openapi/rocketchat.yaml with N-1 extra operations placed before the real
// ones (research/baseline.md §4's spec-size test). usage: node bench/many-ops.mjs N OUT
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const n = Number(process.argv[2] ?? 500);
const out = process.argv[3];
const spec = parse(readFileSync(new URL('../openapi/rocketchat.yaml', import.meta.url), 'utf8'));
const real = spec.paths['/api/v1/groups.create'].post;
const paths = {};
for (let i = 1; i < n - Object.keys(spec.paths).length + 1; i += 1) {
  paths[`/api/v1/dummy${i}.create`] = { post: { ...structuredClone(real), operationId: `dummy${i}` } };
}
spec.paths = { ...paths, ...spec.paths };
writeFileSync(out, stringify(spec, { aliasDuplicateObjects: false }));
