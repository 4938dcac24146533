import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwin, startTwin, type RunningTwin } from '../../src/index.ts';
import { twinMiddleware } from '../../src/express.ts';
import { ROAM_KEY, TESTER } from '../support/in-process.ts';

describe('twinMiddleware (express)', () => {
  let url = '';
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.use(express.json({ limit: '10kb' }));
    app.get('/host', (_req, res) => { res.json({ host: true }); });
    app.use(twinMiddleware(await createTwin()));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => { server.close(); };
  });
  afterAll(() => { close(); });

  it('answers the twin\'s paths and leaves the host app\'s routes alone', async () => {
    expect(await (await fetch(`${url}/host`)).json()).toEqual({ host: true });
    const res = await fetch(`${url}/api/v1/groups.create`, { method: 'POST', headers: { ...TESTER, 'content-type': 'application/json' }, body: '{"name":"via-express"}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ success: true, group: { name: 'via-express' } });
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });

  it('streams the journal live (the dashboard) through express too', async () => {
    const controller = new AbortController();
    const res = await fetch(`${url}/__admin/requests/stream`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    if (!res.body) throw new Error('the stream has no body');
    const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
    const created = await fetch(`${url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, 'content-type': 'application/json', 'x-mock-session': 'express-stream' }, body: '{"description":"x"}' });
    expect(created.status).toBe(201);
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('"session":"express-stream"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    expect(text).toContain('event: request');
    expect(text).toContain('"session":"express-stream"');
  });

  it('gives the vendor\'s answer when the host\'s JSON parser fails or its limit is exceeded', async () => {
    const bad = await fetch(`${url}/api/v1/groups.create`, { method: 'POST', headers: { ...TESTER, 'content-type': 'application/json' }, body: '{oops' });
    expect(await bad.json()).toEqual({ success: false, error: 'Body param "name" is required' });
    const big = await fetch(`${url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, 'content-type': 'application/json' }, body: JSON.stringify({ description: 'x'.repeat(20_000) }) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 413, status: false });
  });
});

describe('startTwin({port: 0})', () => {
  let running: RunningTwin;
  beforeAll(async () => { running = await startTwin({ port: 0 }); });
  afterAll(async () => { await running.close(); });

  it('listens on a free port and reports its URL', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${running.url}/__admin/health`)).status).toBe(200);
  });

  it('plays socket faults and delays on the wire', async () => {
    const post = (prefer: string) => fetch(`${running.url}/v1/api/group/`, { method: 'POST', headers: { ...ROAM_KEY, prefer, 'content-type': 'application/json' }, body: '{}' });
    await expect(post('fault=reset')).rejects.toThrow();
    await expect(post('fault=empty')).rejects.toThrow();
    const delayed = await post('delay=1');
    expect(delayed.status).toBe(201);
  });
});
