// Memory per stored group: 1,000,000 Rocket.Chat groups created through twin.handle (no
// sockets), spread over sessions of 99,000 (under the per-session cap), then heap and RSS after a
// full GC. usage: node --expose-gc --import tsx bench/memory.ts [N]
import { createTwin } from '../src/create-twin.ts';

const total = Number(process.argv[2] ?? 1_000_000);
const perSession = 99_000; // under the 100,000-room cap, which counts the seeded rooms too
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const twin = await createTwin({ maxSessions: Math.ceil(total / perSession) + 1, journalSize: 1000 });
const headers = { 'x-auth-token': 'RScctEHSmLGZGywfIhWyRpyofhKOiMoUIpimhvheU3f', 'x-user-id': 'rbAXPnMktTFbNpwtJ', 'content-type': 'application/json' };

function create(i: number): number {
  const session = `mem-${Math.floor(i / perSession)}`;
  return twin.handle({
    method: 'POST', path: '/api/v1/groups.create', query: '',
    headers: { ...headers, 'x-mock-session': session },
    body: JSON.stringify({ name: `group-${i}`, members: ['rocket.cat'], readOnly: false }),
  }).status;
}

create(-1); // warm every lazy path before the baseline
gc();
const before = process.memoryUsage();
const t0 = performance.now();
let failed = 0;
for (let i = 0; i < total; i += 1) if (create(i) !== 200) failed += 1;
const seconds = (performance.now() - t0) / 1000;
gc();
const after = process.memoryUsage();
const heapPer = (after.heapUsed - before.heapUsed) / total;
const rssPer = (after.rss - before.rss) / total;
console.log(`created ${total - failed} groups (${failed} refused) in ${seconds.toFixed(0)} s (${Math.round(total / seconds)} creates/s in-process)`);
console.log(`heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB: ${Math.round(heapPer)} B per group`);
console.log(`RSS       ${mb(before.rss)} → ${mb(after.rss)} MB: ${Math.round(rssPer)} B per group (target ≤ 1024)`);
