import type { Operation } from 'openapi-backend';
import { fakeFromSchema } from './fake.ts';
import type { Preferences } from './prefer.ts';
import { problem } from './problem.ts';
import type { JsonResponse } from './types.ts';

/** One documented response of an operation, flattened from the dereferenced spec. */
interface Documented {
  readonly status: number;
  readonly contentType: string;
  readonly schema: unknown;
  /** Named examples by name (openapi-backend dereferences `$ref`s, so each has its `value`). */
  readonly examples: ReadonlyMap<string, unknown>;
}

/** The statuses `documentedResponses` lists, without reading their examples (coverage, at start). */
export function documentedStatuses(operation: Operation): number[] {
  const out: number[] = [];
  const responses: unknown = operation.responses;
  if (!isRecord(responses)) return out;
  for (const [code, response] of Object.entries(responses)) {
    if (!/^\d{3}$/.test(code) || !isRecord(response) || !isRecord(response.content)) continue;
    for (const media in response.content) {
      if (isRecord(response.content[media])) out.push(Number(code));
      break;
    }
  }
  return out;
}

/** The documented responses of an operation, in spec order; `default` is skipped. */
export function documentedResponses(operation: Operation): Documented[] {
  const out: Documented[] = [];
  const responses: unknown = operation.responses;
  if (!isRecord(responses)) return out;
  for (const [code, response] of Object.entries(responses)) {
    if (!/^\d{3}$/.test(code) || !isRecord(response) || !isRecord(response.content)) continue;
    const [contentType, media] = Object.entries(response.content)[0] ?? [];
    if (contentType === undefined || !isRecord(media)) continue;
    const examples = new Map<string, unknown>();
    for (const [name, example] of Object.entries(isRecord(media.examples) ? media.examples : {})) {
      if (isRecord(example) && 'value' in example) examples.set(name, example.value);
    }
    out.push({ status: Number(code), contentType, schema: media.schema, examples });
  }
  return out;
}

/**
 * The answer a `Prefer` header forces (DESIGN.md §5): a documented named example, or a body faked
 * from the documented schema. It never touches state. A status or example the operation does
 * not document is a client mistake, answered 422 problem+json as Prism does.
 */
export function forcedAnswer(operation: Operation, prefer: Preferences, randomSeed: () => number): JsonResponse {
  const documented = documentedResponses(operation);
  const statuses = documented.map((d) => d.status);
  const id = operation.operationId ?? 'operation';
  let candidates = documented;
  if (prefer.code !== undefined) {
    candidates = documented.filter((d) => d.status === prefer.code);
    if (candidates.length === 0) {
      return problem(422, 'undocumented-code', 'The spec does not document this status', `${id} documents ${statuses.join(', ')}, not ${prefer.code}.`, { documented: statuses });
    }
  }
  if (prefer.example !== undefined) {
    const name = prefer.example;
    const hit = candidates.find((d) => d.examples.has(name));
    if (!hit) {
      const available = candidates.flatMap((d) => [...d.examples.keys()].map((n) => `${d.status}:${n}`));
      return problem(422, 'unknown-example', 'The spec has no example of this name', `${id} has no example "${name}"${prefer.code === undefined ? '' : ` for ${prefer.code}`}.`, { available });
    }
    return { status: hit.status, contentType: hit.contentType, body: hit.examples.get(name) };
  }
  const chosen = candidates.find((d) => d.status >= 200 && d.status < 300) ?? candidates[0];
  if (!chosen) return problem(422, 'undocumented-code', 'The operation documents no response body', `${id} has no documented body to force.`);
  const [first] = chosen.examples.values();
  if (prefer.dynamic !== true && chosen.examples.size > 0) {
    return { status: chosen.status, contentType: chosen.contentType, body: first };
  }
  return { status: chosen.status, contentType: chosen.contentType, body: fakeFromSchema(chosen.schema, prefer.seed ?? randomSeed()) };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
