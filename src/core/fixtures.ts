import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type JSONSchemaType } from 'ajv';
import { fromRoot } from '../paths.ts';
import { once } from './once.ts';

/** A fixture file that cannot be used; start-up stops with this message. */
export class FixtureError extends Error {
  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${file}: ${pointer || '/'}: ${reason}`);
    this.name = 'FixtureError';
  }
}

// Created on first use: a start with the bundled fixtures never needs it.
const fixtureAjv = once(() => new Ajv({ allErrors: false, strict: true }));

/**
 * Fixture files the package build already checked (scripts/build.mjs): the digest of schema and
 * text of each, so a start with the bundled fixtures skips compiling the fixture schemas (ajv's
 * code generation was ~40 ms of a ~0.4 s start). A changed file or a changed schema has another
 * digest and is checked as always; the rules JSON Schema cannot express always run.
 */
export const CHECKED_FIXTURES_FILE = fromRoot('dist/spec/checked-fixtures.json');
let checkedAtBuild: ReadonlySet<string> | undefined;
/** The text each parsed fixture value was read from (only values read by readFixtureJson). */
const textOf = new WeakMap<object, string>();
const schemaText = new WeakMap<object, string>();

/** The digest the build lists for `text` checked against `schema`. */
export function fixtureDigest(schema: object, text: string): string {
  let json = schemaText.get(schema);
  if (json === undefined) {
    json = JSON.stringify(schema);
    schemaText.set(schema, json);
  }
  return createHash('sha256').update(json).update('\0').update(text).digest('hex');
}

function wasCheckedAtBuild(value: unknown, schema: object): boolean {
  const text = typeof value === 'object' && value !== null ? textOf.get(value) : undefined;
  if (text === undefined) return false;
  if (checkedAtBuild === undefined) {
    try {
      const listed: unknown = JSON.parse(readFileSync(CHECKED_FIXTURES_FILE, 'utf8'));
      checkedAtBuild = new Set(Array.isArray(listed) ? listed.filter((d): d is string => typeof d === 'string') : []);
    } catch {
      // No build output (a checkout run from src/): every file is checked.
      checkedAtBuild = new Set();
    }
  }
  return checkedAtBuild.size > 0 && checkedAtBuild.has(fixtureDigest(schema, text));
}

/**
 * Reads `dir/file`, parses it as JSON and validates it against `schema`.
 * Throws FixtureError naming the file, the JSON Pointer of the first problem and the reason,
 * so a broken fixture stops start-up instead of producing a wrong answer later.
 */
export async function readFixtureFile<T>(dir: string, file: string, schema: JSONSchemaType<T>): Promise<T> {
  const path = join(dir, file);
  return checkFixtureValue(await readFixtureJson(path), schema, path);
}

/** Reads and parses a fixture file without checking its shape (for checks that must come first). */
export async function readFixtureJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FixtureError(path, '', `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) textOf.set(value, text);
    return value;
  } catch (error) {
    throw new FixtureError(path, '', `not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Validates an already parsed value against a fixture schema: the same check for a fixture file
 * and for state imported with `PUT /__admin/state`. Throws FixtureError naming `source`.
 * (ajv caches compiled schemas by identity, so repeated calls do not recompile.)
 */
export function checkFixtureValue<T>(value: unknown, schema: JSONSchemaType<T>, source: string): T {
  // The build validated exactly this text against exactly this schema.
  if (wasCheckedAtBuild(value, schema)) return value as T;
  const validate = fixtureAjv().compile(schema);
  if (!validate(value)) {
    const first = validate.errors?.[0];
    throw new FixtureError(source, first?.instancePath ?? '', first?.message ?? 'does not match the fixture schema');
  }
  return value;
}

/** Throws FixtureError for a rule JSON Schema cannot express (duplicates, dangling references). */
export function fixtureRule(ok: boolean, file: string, pointer: string, reason: string): void {
  if (!ok) throw new FixtureError(file, pointer, reason);
}
