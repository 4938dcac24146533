import type { TestProject } from 'vitest/node';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { servedSpecs } from './served-specs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let running: RunningTwin | undefined;

/**
 * The contract suite's target: `BASE_URL` when set (a running twin, the express adapter, Prism's
 * proxy, a real vendor), otherwise a twin started here on a free port with the bundled fixtures
 * and the OpenAPI documents of test/openapi/served.json.
 */
export async function setup(project: TestProject): Promise<void> {
  // Vite sets BASE_URL to '/' for its own use; only an absolute http(s) URL names a target.
  const fromEnv = process.env.BASE_URL;
  if (fromEnv !== undefined && /^https?:\/\//.test(fromEnv)) {
    project.provide('baseUrl', fromEnv.replace(/\/$/, ''));
    return;
  }
  running = await startTwin({ port: 0, specs: servedSpecs() });
  project.provide('baseUrl', running.url);
}

export async function teardown(): Promise<void> {
  await running?.close();
}
