import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type JSONSchemaType } from 'ajv';

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

const ajv = new Ajv({ allErrors: false, strict: true });

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
    return JSON.parse(text) as unknown;
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
  const validate = ajv.compile(schema);
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
