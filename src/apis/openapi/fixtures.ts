import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { JSONSchemaType } from 'ajv';
import { checkFixtureValue, fixtureRule, readFixtureJson } from '../../core/fixtures.ts';
import { PathIndex } from '../../core/path-index.ts';
import type { ResourceModel } from './classify.ts';
import type { Conformer } from './conform.ts';
import { isRecord } from './schema-shape.ts';

/**
 * The fixture file of a served document, `<fixtures dir>/<name>.json` (optional), and the format
 * `GET /__admin/state` exports it in:
 *
 *     { "resources":   { "/pets": [{ "id": 1, "name": "Rex" }], "/owners/7/pets": [] },
 *       "credentials": { "apiKey": ["secret-1"], "basicAuth": ["alice:wonderland"] } }
 *
 * `resources` seeds every session: each key is a collection path of the document with its
 * parameters filled in, each item carries its id property and fits the item schema.
 * `credentials` lists, per security scheme, the only values accepted (Basic: `user:password`);
 * a scheme not listed accepts any value.
 */
export interface GenericFixture {
  readonly resources?: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  readonly credentials?: Readonly<Record<string, readonly string[]>>;
}

const fixtureSchema: JSONSchemaType<{ resources?: Record<string, Record<string, unknown>[]>; credentials?: Record<string, string[]> }> = {
  type: 'object',
  additionalProperties: false,
  properties: {
    resources: { type: 'object', nullable: true, required: [], additionalProperties: { type: 'array', items: { type: 'object', required: [] } } },
    credentials: { type: 'object', nullable: true, required: [], additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } } },
  },
};

/** A checked fixture: items by collection path with their ids, valid credentials by scheme. */
export interface Seed {
  readonly items: readonly { readonly collection: string; readonly id: string; readonly item: unknown }[];
  readonly credentials: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Reads `<dir>/<name>.json` when it exists; an empty seed otherwise. */
export async function readGenericFixture(dir: string, name: string): Promise<{ value: unknown; source: string } | undefined> {
  const path = join(dir, `${name}.json`);
  try {
    await access(path);
  } catch {
    return undefined;
  }
  return { value: await readFixtureJson(path), source: path };
}

/**
 * Checks a fixture (or imported state) against the document: the format above, then that every
 * key is a collection path of one of `resources`, every item has a unique id and fits the item
 * schema, and every credential names a security scheme. Throws FixtureError (source, pointer, reason).
 */
export function checkGenericFixture(value: unknown, source: string, resources: readonly ResourceModel[], schemes: ReadonlySet<string>, conformer: Conformer): Seed {
  const file = checkFixtureValue(value, fixtureSchema, source);
  const index = new PathIndex<ResourceModel>();
  for (const resource of resources) index.add(resource.collection, resource);
  const items: { collection: string; id: string; item: unknown }[] = [];
  for (const [collection, list] of Object.entries(file.resources ?? {})) {
    const at = `/resources/${collection.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const resource = collection.startsWith('/') ? index.match(collection)?.value : undefined;
    fixtureRule(resource !== undefined, source, at, `${collection} is not a collection the document's paths name${resources.length === 0 ? ' (it has none, or the twin runs --stateless)' : ` (collections: ${resources.map((r) => r.collection).join(', ')})`}`);
    const model = resource as ResourceModel;
    const ids = new Set<string>();
    list.forEach((item, i) => {
      const id = item[model.idProperty];
      fixtureRule(id !== undefined && id !== null && (typeof id === 'string' || typeof id === 'number'), source, `${at}/${i}`, `an item needs its id property "${model.idProperty}"`);
      fixtureRule(!ids.has(String(id)), source, `${at}/${i}/${model.idProperty}`, `duplicate id ${String(id)}`);
      ids.add(String(id));
      const [error] = conformer.errors(model.itemSchema, item);
      if (error) {
        const extra = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
        fixtureRule(false, source, `${at}/${i}${error.instancePath}${extra}`, `does not fit the item schema: ${error.message ?? error.keyword}`);
      }
      items.push({ collection, id: String(id), item });
    });
  }
  const credentials = new Map<string, ReadonlySet<string>>();
  for (const [scheme, values] of Object.entries(file.credentials ?? {})) {
    fixtureRule(schemes.has(scheme), source, `/credentials/${scheme}`, `"${scheme}" is not a security scheme of the document (schemes: ${[...schemes].join(', ') || 'none'})`);
    credentials.set(scheme, new Set(values));
  }
  return { items, credentials };
}

/** An empty seed: no items, any credential accepted. */
export const EMPTY_SEED: Seed = { items: [], credentials: new Map() };

/** A session's state in the fixture format (what `GET /__admin/state` answers). */
export function exportGeneric(snapshot: Readonly<Record<string, unknown[]>>, credentials: ReadonlyMap<string, ReadonlySet<string>>): GenericFixture {
  const out: { resources: Record<string, Readonly<Record<string, unknown>>[]>; credentials?: Record<string, string[]> } = { resources: {} };
  for (const [collection, items] of Object.entries(snapshot)) out.resources[collection] = items.filter(isRecord);
  if (credentials.size > 0) out.credentials = Object.fromEntries([...credentials].map(([scheme, values]) => [scheme, [...values]]));
  return out;
}
