import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Parsed YAML documents kept as JSON, by the SHA-256 of their text, so a large document is parsed
 * once: js-yaml needs ~0.35 s for 5 MB on a cold start, JSON.parse ~0.02 s (the project's own
 * specs are cached the same way, in src/generated). A changed file has another hash, so nothing is
 * ever served stale; any failure to read or write the cache only means parsing again.
 */

/** Files smaller than this are parsed every time (a few milliseconds). */
const MIN_BYTES = 256 * 1024;
/** Entries kept; the oldest go first. */
const MAX_ENTRIES = 32;
/** Bumped whenever what is stored changes shape. */
const FORMAT = 'yaml-json-1';

/** Where entries live: `API_TWIN_CACHE_DIR`, else a folder in the temporary directory. */
function cacheDir(): string {
  return process.env.API_TWIN_CACHE_DIR ?? join(tmpdir(), 'api-twin-cache');
}

/** The parsed value of `text`, from the cache or from `parse` (and then stored for next time). */
export async function cachedParse(text: string, parse: () => Promise<unknown>): Promise<unknown> {
  if (text.length < MIN_BYTES || process.env.API_TWIN_CACHE_DIR === '') return parse();
  const key = createHash('sha256').update(FORMAT).update(text).digest('hex');
  const file = join(cacheDir(), `${key}.json`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    // Not cached yet (or unreadable): parse it.
  }
  const value = await parse();
  let json: string;
  try {
    // Before anything changes the value (dereferencing works in place).
    json = JSON.stringify(value);
  } catch {
    // Cyclic YAML aliases have no JSON form: nothing to keep.
    return value;
  }
  void store(file, json);
  return value;
}

async function store(file: string, json: string): Promise<void> {
  try {
    const dir = cacheDir();
    await mkdir(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, json);
    await rename(temporary, file);
    const entries = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    if (entries.length <= MAX_ENTRIES) return;
    const dated = await Promise.all(entries.map(async (name) => ({ name, at: (await stat(join(dir, name))).mtimeMs })));
    dated.sort((a, b) => a.at - b.at);
    for (const { name } of dated.slice(0, dated.length - MAX_ENTRIES)) await unlink(join(dir, name));
  } catch {
    // A cache that cannot be written is no cache.
  }
}
