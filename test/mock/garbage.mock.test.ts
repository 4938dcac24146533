import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { ROAM_KEY, TESTER } from '../support/in-process.ts';

/**
 * Garbage never hurts (reliability): whatever bytes arrive, the answer is a 4xx with a JSON body,
 * never a 5xx, nothing global is polluted, and the server keeps answering.
 */

let running: RunningTwin;
beforeAll(async () => { running = await startTwin({ port: 0 }); });
afterAll(async () => { await running.close(); });

interface Raw {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** Sends raw bytes as a body with node:http (fetch would refuse some of them). */
function post(path: string, headers: Record<string, string>, body: Buffer | string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, running.url);
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8') }); });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes raw bytes on a fresh connection and reads everything until the server closes it. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(running.port, '127.0.0.1', () => { socket.end(bytes); });
    let text = '';
    socket.on('data', (c: Buffer) => { text += c.toString(); });
    socket.on('close', () => { resolve(text); });
    socket.on('error', () => { resolve(text); });
  });
}

const RC = { ...TESTER, 'content-type': 'application/json' };
const ROAM = { ...ROAM_KEY, 'content-type': 'application/json' };
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

const CORPUS: readonly [string, string | Buffer][] = [
  ['malformed JSON', '{"name": '],
  ['trailing garbage', '{"name":"x"} trailing'],
  ['only whitespace', '   \n\t  '],
  ['JSON null', 'null'],
  ['JSON string', '"just a string"'],
  ['JSON number', '12345678901234567890123'],
  ['JSON array', '[1,2,3]'],
  ['wrong types everywhere', '{"name":{"$ne":1},"members":"x","readOnly":"yes","users":{"a":1},"description":[1],"customFields":7,"extraData":[]}'],
  ['deeply nested arrays', deep(100_000)],
  ['deeply nested objects', deepObject(20_000)],
  ['deeply nested inside a field', `{"name":"n","members":${deep(5000)},"users":${deep(5000)},"description":${deepObject(5000)}}`],
  ['deep values in stored fields', `{"name":"deep-fields","customFields":${deepObject(150)},"extraData":{"topic":${deep(150)}},"metadata":${deepObject(150)},"app_type":1,"device_token":"t"}`],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
  ['NUL bytes', '{"name":"a\u0000b","description":"\u0000"}'],
  ['lone surrogates', '{"name":"\\ud800","description":"\\udfff"}'],
  ['__proto__ keys', '{"__proto__":{"polluted":true},"name":"p","description":"p","extraData":{"__proto__":{"polluted":true}},"customFields":{"__proto__":{"polluted":true}}}'],
  ['constructor keys', '{"constructor":{"prototype":{"polluted":true}},"name":"c","users":[],"extraData":{"constructor":{"prototype":{"polluted":true}}}}'],
  ['huge string field', JSON.stringify({ name: 'n'.repeat(900_000), description: 'd'.repeat(50_000) })],
  ['many keys', JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])))],
  ['huge body over the limit', Buffer.alloc(3 * 1024 * 1024, 0x61)],
];

describe.each([
  ['Rocket.Chat groups.create', '/api/v1/groups.create', RC],
  ['Roam create group', '/v1/api/group/', ROAM],
  ['Roam add users', '/v1/api/group/user/', ROAM],
])('%s', (_name, path, headers) => {
  it.each(CORPUS)('%s → a JSON answer below 500', async (_label, body) => {
    const res = await post(path, headers, body);
    expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
    expect(res.contentType).toMatch(/json/);
    expect(() => JSON.parse(res.text) as unknown).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the server stays up', () => {
  it('still answers health after the corpus', async () => {
    expect((await fetch(`${running.url}/__admin/health`)).status).toBe(200);
  });

  it('200 parallel creates give 200 distinct ids on each API', async () => {
    const rc = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      fetch(`${running.url}/api/v1/groups.create`, { method: 'POST', headers: RC, body: JSON.stringify({ name: `parallel-${i}` }) }).then((r) => r.json() as Promise<{ group: { _id: string } }>)));
    expect(new Set(rc.map((r) => r.group._id)).size).toBe(200);
    const roam = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      fetch(`${running.url}/v1/api/group/`, { method: 'POST', headers: ROAM, body: JSON.stringify({ description: `parallel-${i}` }) }).then((r) => r.json() as Promise<{ data: { group_id: string } }>)));
    expect(new Set(roam.map((r) => r.data.group_id)).size).toBe(200);
  });

  it('answers a flood of headers with a 4xx and keeps serving', async () => {
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x-flood-${i}`, 'v']));
    const res = await post('/v1/api/group/', { ...ROAM, ...many }, '{}');
    expect(res.status).toBeLessThan(500);
    const big = await rawExchange(`GET /__admin/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('application/problem+json');
    expect((await fetch(`${running.url}/__admin/health`)).status).toBe(200);
  });

  it('answers a malformed request line with a 400 problem and keeps serving', async () => {
    const text = await rawExchange('NOT HTTP AT ALL\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toContain('application/problem+json');
    expect((await fetch(`${running.url}/__admin/health`)).status).toBe(200);
  });

  it('finishes in-flight requests when closing', async () => {
    const twin = await startTwin({ port: 0 });
    const pending = fetch(`${twin.url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM, prefer: 'delay=200' }, body: '{}' });
    await new Promise((r) => setTimeout(r, 50));
    const closed = twin.close();
    const res = await pending;
    expect(res.status).toBe(201);
    await closed;
  });
});
