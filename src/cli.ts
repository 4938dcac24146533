#!/usr/bin/env node
// The only reader of argv and env: builds the configuration, starts the node:http server,
// prints where everything is, and shuts down cleanly on SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startTwin } from './http/node-server.ts';
import { FixtureError } from './core/fixtures.ts';
import { readyBanner } from './banner.ts';

const usage = `Usage: npm start -- [--port N] [--host ADDR] [--fixtures DIR]

  --port N        port to listen on (env PORT; default 4010)
  --host ADDR     address to bind (env HOST; default 127.0.0.1)
  --fixtures DIR  folder with rocketchat.json and roam.json (default: fixtures/default)
  --help          this text`;

function fail(message: string): never {
  console.error(`api-twin: ${message}\n\n${usage}`);
  process.exit(2);
}

let values: { port?: string; host?: string; fixtures?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, fixtures: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help === true) {
  console.log(usage);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? '4010';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port "${portText}"`);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const started = performance.now();

try {
  const running = await startTwin({ port, host, ...(values.fixtures === undefined ? {} : { fixturesDir: resolve(values.fixtures) }) });
  console.log(readyBanner(running.url, performance.now() - started));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`api-twin: ${signal}, finishing in-flight requests`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => { stop('SIGINT'); });
  process.on('SIGTERM', () => { stop('SIGTERM'); });
} catch (error) {
  if (error instanceof FixtureError) fail(`bad fixture: ${error.message}`);
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(`${host}:${port} is already in use`);
  throw error;
}
