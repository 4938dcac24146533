/**
 * `make()` run on the first call and remembered. For what is costly to build and often never
 * needed in a run (ajv instances and compiled validators: their code generation was a large part
 * of start-up, bench/startup.mjs).
 */
export function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
