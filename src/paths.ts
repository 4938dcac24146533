import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root. Every file the twin reads at run time (specs, fixtures, docs, the spec cache)
 * is found from here, so the code works both from src/ (tsx) and bundled into dist/ (`npm start`
 * builds dist/cli.js): both sit one level below the root.
 */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Absolute path of a file or folder given relative to the project root. */
export function fromRoot(...parts: string[]): string {
  return join(ROOT, ...parts);
}
