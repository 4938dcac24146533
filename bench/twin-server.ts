// The twin as `npm start` runs it, optionally with a bigger Rocket.Chat spec (bench/many-ops.mjs)
// to measure how cost grows with spec size. usage: tsx bench/twin-server.ts PORT [SPEC]
import { createServer } from 'node:http';
import { adminApi } from '../src/apis/admin/index.ts';
import { roamApi } from '../src/apis/roam/index.ts';
import { rocketchatApi } from '../src/apis/rocketchat/index.ts';
import { resolveConfig } from '../src/config.ts';
import { fromRoot } from '../src/paths.ts';
import { createTwinCore } from '../src/core/twin.ts';
import { createRequestListener } from '../src/http/node-server.ts';

const port = Number(process.argv[2] ?? 4301);
const spec = process.argv[3];
const config = resolveConfig();
const twin = await createTwinCore({
  apis: [spec === undefined ? rocketchatApi : { ...rocketchatApi, specPath: spec }, roamApi],
  admin: adminApi,
  fixturesDir: config.fixturesDir,
  deps: config.deps,
  sessions: { maxSessions: config.maxSessions, idleMs: config.sessionIdleMs, maxBytes: config.maxSessionBytes, defaultMaxBytes: config.defaultSessionBytes },
  journalSize: config.journalSize,
  journalBytes: config.journalBytes,
  cors: config.cors,
  adminToken: undefined,
  adminOrigins: config.adminOrigins,
  allowedHosts: config.allowedHosts,
  // The 500-operation spec has no generated cache, so it is parsed from YAML like any edited spec.
  specCacheDir: fromRoot('src/generated'),
});
createServer(createRequestListener(twin, config.bodyLimitBytes, config.docsDir)).listen(port, '127.0.0.1');
// Exit cleanly on SIGTERM so `node --cpu-prof` writes its profile.
process.on('SIGTERM', () => process.exit(0));
