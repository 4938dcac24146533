/**
 * Templated OpenAPI paths (`/owners/{ownerId}/pets/{petId}`) indexed by segment, so matching a
 * request costs its number of segments, not the number of paths in the document.
 *
 * openapi-backend tries every path's regular expression in turn (router.js `matchOperation`): with
 * 2,000 operations that is 2,000 regex tests per request. Here each node holds its literal children
 * in a Map, then segments with a template inside (`{name}.json`), then one whole-segment parameter;
 * the walk prefers them in that order and backtracks, so a literal path always wins over a template
 * (OpenAPI 3.1 §4.8.8.2: concrete paths match before templated ones).
 */

interface Node<T> {
  readonly literal: Map<string, Node<T>>;
  readonly mixed: { readonly pattern: RegExp; readonly names: readonly string[]; readonly node: Node<T> }[];
  param: { readonly name: string; readonly node: Node<T> } | undefined;
  value: T | undefined;
}

function node<T>(): Node<T> {
  return { literal: new Map(), mixed: [], param: undefined, value: undefined };
}

/** A template matched by a path: its value and the raw (still percent-encoded) parameters. */
export interface IndexMatch<T> {
  readonly template: string;
  readonly value: T;
  readonly params: Readonly<Record<string, string>>;
}

/** Path templates by segment; `T` is what a template stands for (e.g. its operations by method). */
export class PathIndex<T> {
  private readonly root: Node<T> = node();
  private readonly templates = new Map<Node<T>, string>();

  /** Adds `template`; a template added twice keeps its first value. */
  add(template: string, value: T): void {
    let at = this.root;
    for (const segment of splitPath(template)) {
      const whole = /^\{([^{}]+)\}$/.exec(segment);
      if (whole?.[1] !== undefined) {
        at.param ??= { name: whole[1], node: node() };
        at = at.param.node;
      } else if (segment.includes('{')) {
        const { pattern, names } = segmentPattern(segment);
        let next = at.mixed.find((m) => m.pattern.source === pattern.source)?.node;
        if (!next) {
          next = node();
          at.mixed.push({ pattern, names, node: next });
        }
        at = next;
      } else {
        let next = at.literal.get(segment);
        if (!next) {
          next = node();
          at.literal.set(segment, next);
        }
        at = next;
      }
    }
    if (at.value === undefined) {
      at.value = value;
      this.templates.set(at, template);
    }
  }

  /** The most specific template matching `path` whose value `accept` takes, with its parameters. */
  match(path: string, accept: (value: T) => boolean = () => true): IndexMatch<T> | undefined {
    const segments = splitPath(path);
    const names: string[] = [];
    const values: string[] = [];
    const found = this.walk(this.root, segments, 0, names, values, accept);
    if (!found) return undefined;
    const params: Record<string, string> = {};
    names.forEach((name, i) => {
      params[name] = values[i] ?? '';
    });
    return { template: this.templates.get(found) ?? '', value: found.value as T, params };
  }

  private walk(at: Node<T>, segments: readonly string[], i: number, names: string[], values: string[], accept: (value: T) => boolean): Node<T> | undefined {
    if (i === segments.length) return at.value !== undefined && accept(at.value) ? at : undefined;
    const segment = segments[i] ?? '';
    const literal = at.literal.get(segment);
    if (literal) {
      const found = this.walk(literal, segments, i + 1, names, values, accept);
      if (found) return found;
    }
    for (const mixed of at.mixed) {
      const captured = mixed.pattern.exec(segment);
      if (!captured) continue;
      const mark = names.length;
      mixed.names.forEach((name, k) => {
        names.push(name);
        values.push(captured[k + 1] ?? '');
      });
      const found = this.walk(mixed.node, segments, i + 1, names, values, accept);
      if (found) return found;
      names.length = mark;
      values.length = mark;
    }
    // A parameter takes one non-empty segment (`/pets/` is not `/pets/{id}`).
    if (at.param && segment !== '') {
      names.push(at.param.name);
      values.push(segment);
      const found = this.walk(at.param.node, segments, i + 1, names, values, accept);
      if (found) return found;
      names.pop();
      values.pop();
    }
    return undefined;
  }
}

/** The segments after the leading slash (`/a/b` → `['a', 'b']`; `/` → `['']`). */
function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

/** A segment with templates inside (`{name}.{ext}`) as an anchored pattern capturing each name. */
function segmentPattern(segment: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = segment
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      const name = /^\{([^{}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}
