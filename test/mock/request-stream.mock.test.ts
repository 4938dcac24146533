import { request as httpRequest, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_STREAMS } from '../../src/apis/admin/request-stream.ts';
import { startTwin, type RunningTwin } from '../../src/http/node-server.ts';
import { ROAM_KEY, call, testTwin } from '../support/in-process.ts';

/**
 * The dashboard's live stream (`GET /__admin/requests/stream`), the forced statuses it sets, and
 * the page itself. Events are waited on, never timed.
 */

/** Opens the stream with node:http; the response is handed over before any byte is read. */
function openStream(running: RunningTwin, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${running.url}/__admin/requests/stream`, { headers }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Reads SSE events off a response until `until` accepts one; resolves with it (`data` parsed). */
function nextEvent(res: IncomingMessage, until: (data: Record<string, unknown>) => boolean): Promise<{ event: string; id: string; data: Record<string, unknown> }> {
  let buffer = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(': ');
          fields.set(line.slice(0, colon), line.slice(colon + 2));
        }
        const data = fields.get('data');
        if (data === undefined) continue;
        const parsed = JSON.parse(data) as Record<string, unknown>;
        if (!until(parsed)) continue;
        res.off('data', onData);
        resolve({ event: fields.get('event') ?? '', id: fields.get('id') ?? '', data: parsed });
        return;
      }
    };
    res.on('data', onData);
    res.once('end', () => { reject(new Error('the stream ended')); });
  });
}

describe('GET /__admin/requests/stream', () => {
  it('sends each journaled request as it is stored, redacted as in the journal', async () => {
    const running = await startTwin({ port: 0 });
    try {
      const res = await openStream(running);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const seen = nextEvent(res, (data) => data.session === 'live-1');
      const sent = await fetch(`${running.url}/v1/api/group/`, {
        method: 'POST',
        headers: { ...ROAM_KEY, 'content-type': 'application/json', 'x-mock-session': 'live-1' },
        body: JSON.stringify({ description: 'streamed' }),
      });
      expect(sent.status).toBe(201);
      const { event, id, data } = await seen;
      expect(event).toBe('request');
      expect(data).toMatchObject({ api: 'roam', operationId: 'createGroup', method: 'POST', path: '/v1/api/group/', status: 201, violations: [] });
      expect(id).toBe(String(data.id));
      expect((data.headers as Record<string, string>)['api-key']).toBe('[redacted]');
      // The entry is the one the journal lists.
      const listed = (await (await fetch(`${running.url}/__admin/requests?session=live-1`)).json()) as { requests: unknown[] };
      expect(listed.requests).toEqual([data]);
      res.destroy();
    } finally {
      await running.close();
    }
  });

  it('obeys the admin access rules: Origin, Sec-Fetch-Site, Host, token', async () => {
    const running = await startTwin({ port: 0 });
    const guarded = await startTwin({ port: 0, adminToken: 'tok-stream' });
    try {
      const status = async (twin: RunningTwin, headers: Record<string, string>): Promise<number> => {
        const res = await openStream(twin, headers);
        res.destroy();
        return res.statusCode ?? 0;
      };
      expect(await status(running, { origin: 'http://evil.example' })).toBe(403);
      expect(await status(running, { 'sec-fetch-site': 'cross-site' })).toBe(403);
      expect(await status(running, { host: 'evil.example' })).toBe(403);
      expect(await status(running, { origin: running.url })).toBe(200);
      expect(await status(guarded, {})).toBe(403);
      expect(await status(guarded, { authorization: 'Bearer wrong' })).toBe(403);
      expect(await status(guarded, { authorization: 'Bearer tok-stream' })).toBe(200);
      // A browser sends the token as the Basic password once the dashboard asked for it.
      const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
      expect(await status(guarded, { authorization: basic('', 'tok-stream') })).toBe(200);
      expect(await status(guarded, { authorization: basic('tok-stream', 'wrong') })).toBe(403);
    } finally {
      await running.close();
      await guarded.close();
    }
  });

  it('drops a reader that stops reading once its queue is full, and keeps answering', async () => {
    const running = await startTwin({ port: 0 });
    try {
      const res = await openStream(running);
      // Read nothing: the client's buffers, then the kernel's, then the twin's queue fill up.
      res.pause();
      const closed = new Promise<void>((resolve) => { res.socket.once('close', () => { resolve(); }); });
      const journal = running.twin.controls.journal;
      expect(journal.listenerCount).toBe(1);
      // Each entry carries a 16 KiB body; 80 MB is far more than every buffer on the way. The twin
      // drops the reader (unsubscribes) once its queue is full.
      const body = JSON.stringify({ description: 'x'.repeat(20_000) });
      let sent = 0;
      while (sent < 5000 && journal.listenerCount > 0) {
        call(running.twin, '/v1/api/group/', { method: 'POST', headers: { ...ROAM_KEY, 'content-type': 'application/json' }, body });
        sent += 1;
        // Let the socket write out between bursts.
        if (sent % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      expect(journal.listenerCount).toBe(0);
      expect(sent).toBeLessThan(5000);
      // Reading again, the client gets what was queued before the drop, then the connection's end.
      res.resume();
      await closed;
      expect((await fetch(`${running.url}/__admin/health`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it(`answers 503 past ${MAX_STREAMS} open streams, and again once one closes`, async () => {
    const twin = await testTwin();
    const stops: (() => void)[] = [];
    for (let i = 0; i < MAX_STREAMS; i += 1) {
      const answer = twin.handle({ method: 'GET', path: '/__admin/requests/stream', query: '', headers: {}, body: '' });
      expect(answer.status).toBe(200);
      const stop = answer.stream?.subscribe(() => undefined);
      if (stop) stops.push(stop);
    }
    const refused = call(twin, '/__admin/requests/stream');
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ type: 'urn:api-twin:problem:too-many-streams' });
    stops.pop()?.();
    expect(call(twin, '/__admin/requests/stream').status).toBe(200);
    for (const stop of stops) stop();
  });

  it('is ended by shutdown, which does not wait for it', async () => {
    const running = await startTwin({ port: 0 });
    const res = await openStream(running);
    const ended = new Promise<string>((resolve) => {
      res.on('data', () => undefined);
      res.once('end', () => { resolve('end'); });
      res.once('aborted', () => { resolve('aborted'); });
    });
    // A grace period far beyond the test's timeout: close() resolves only because the stream ended.
    await running.close(600_000);
    expect(await ended).toBe('end');
  });
});

describe('POST /__admin/forced', () => {
  const create = { method: 'POST', headers: { ...ROAM_KEY, 'content-type': 'application/json', 'x-mock-session': 'forced-1' }, body: '{"description":"forced"}' };
  const force = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({ method: 'POST', headers, body: JSON.stringify(body) });

  it('forces the next answer of an operation in a session, once', async () => {
    const twin = await testTwin();
    const set = call(twin, '/__admin/forced', force({ session: 'forced-1', api: 'roam', operationId: 'createGroup', code: 401 }));
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ forced: [{ session: 'forced-1', api: 'roam', operationId: 'createGroup', code: 401 }] });
    // Another session is not affected.
    expect(call(twin, '/v1/api/group/', { ...create, headers: { ...create.headers, 'x-mock-session': 'other' } }).status).toBe(201);
    expect(call(twin, '/v1/api/group/', create).status).toBe(401);
    expect(call(twin, '/v1/api/group/', create).status).toBe(201);
    expect(call(twin, '/__admin/forced').json).toEqual({ forced: [] });
    // Coverage counts the forced answer as served.
    const rows = (call(twin, '/__admin/coverage').json as { rows: { api: string; operationId: string; status: number; served: number }[] }).rows;
    expect(rows.find((r) => r.api === 'roam' && r.operationId === 'createGroup' && r.status === 401)?.served).toBe(1);
  });

  it('leaves a forced status waiting while a request forces its own answer, and drops it on reset', async () => {
    const twin = await testTwin();
    call(twin, '/__admin/forced', force({ session: 'forced-1', api: 'roam', operationId: 'createGroup', code: 401 }));
    expect(call(twin, '/v1/api/group/', { ...create, headers: { ...create.headers, prefer: 'code=400' } }).status).toBe(400);
    expect(call(twin, '/__admin/forced').json).toMatchObject({ forced: [{ code: 401 }] });
    call(twin, '/__admin/reset', { method: 'POST', query: 'session=forced-1' });
    expect(call(twin, '/__admin/forced').json).toEqual({ forced: [] });
    expect(call(twin, '/v1/api/group/', create).status).toBe(201);
  });

  it('refuses an undocumented status, an unknown operation and a non-JSON body', async () => {
    const twin = await testTwin();
    const undocumented = call(twin, '/__admin/forced', force({ api: 'roam', operationId: 'createGroup', code: 418 }));
    expect(undocumented.status).toBe(400);
    expect(undocumented.json).toMatchObject({ type: 'urn:api-twin:problem:undocumented-code' });
    expect(call(twin, '/__admin/forced', force({ api: 'roam', operationId: 'noSuchOperation', code: 200 })).status).toBe(400);
    expect(call(twin, '/__admin/forced', force({ api: 'nope', operationId: 'createGroup', code: 200 })).status).toBe(400);
    expect(call(twin, '/__admin/forced', force({ api: 'roam', operationId: 'createGroup', code: 401 }, { 'content-type': 'text/plain' })).status).toBe(415);
  });
});

describe('GET /__admin/ui and /__admin/sessions', () => {
  it('serves the page with a CSP that admits only its own inline code, under the admin rules', async () => {
    const twin = await testTwin();
    const page = call(twin, '/__admin/ui');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>api-twin dashboard</title>');
    expect(page.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const csp = page.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(call(twin, '/__admin/ui', { headers: { origin: 'http://evil.example' } }).status).toBe(403);
    expect(call(twin, '/__admin/ui', { remoteAddress: '10.0.0.7' }).status).toBe(403);
  });

  it('with an admin token, asks a browser for it (HTTP Basic) on the page only', async () => {
    const twin = await testTwin({ adminToken: 'tok-ui' });
    const asked = call(twin, '/__admin/ui', { remoteAddress: '127.0.0.1' });
    expect(asked.status).toBe(401);
    expect(asked.headers['www-authenticate']).toBe('Basic realm="api-twin admin", charset="UTF-8"');
    expect(asked.body).not.toContain('<html');
    const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`me:${password}`).toString('base64')}` });
    expect(call(twin, '/__admin/ui', { remoteAddress: '127.0.0.1', headers: basic('wrong') }).status).toBe(401);
    expect(call(twin, '/__admin/ui', { remoteAddress: '127.0.0.1', headers: basic('tok-ui') }).status).toBe(200);
    expect(call(twin, '/__admin/sessions', { remoteAddress: '127.0.0.1', headers: basic('tok-ui') }).status).toBe(200);
    // Every other admin path keeps its 403, and a foreign page gets no prompt.
    expect(call(twin, '/__admin/sessions', { remoteAddress: '127.0.0.1' }).status).toBe(403);
    expect(call(twin, '/__admin/ui', { remoteAddress: '127.0.0.1', headers: { ...basic('tok-ui'), origin: 'http://evil.example' } }).status).toBe(403);
  });

  it('lists the live sessions with their bytes', async () => {
    const twin = await testTwin();
    call(twin, '/v1/api/group/', create());
    const { sessions } = call(twin, '/__admin/sessions').json as { sessions: { id: string; bytes: number }[] };
    expect(sessions.map((s) => s.id)).toEqual(['listed']);
    expect(sessions[0]?.bytes).toBeGreaterThan(0);
  });

  function create() {
    return { method: 'POST', headers: { ...ROAM_KEY, 'content-type': 'application/json', 'x-mock-session': 'listed' }, body: '{"description":"listed"}' };
  }
});
