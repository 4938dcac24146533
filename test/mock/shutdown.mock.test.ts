import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startTwin } from '../../src/http/node-server.ts';
import { ROAM_KEY } from '../support/in-process.ts';

/**
 * Robustness finding 9: shutdown. Stop accepting, answer what is in flight (with `Connection:
 * close`), cut pending delays short, close idle and half-received connections, and finish within
 * the grace period whatever clients do. Timeouts here are liveness bounds, not timings.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => { resolve(socket); });
  });
}

function closed(socket: Socket): Promise<string> {
  let text = '';
  socket.on('data', (c: Buffer) => { text += c.toString(); });
  return new Promise((resolve) => {
    socket.on('close', () => { resolve(text); });
    socket.on('error', () => undefined);
  });
}

describe('graceful shutdown', () => {
  it('a client holding a half-sent request does not hold the twin: its connection is closed', { timeout: 20_000 }, async () => {
    const running = await startTwin({ port: 0 });
    const partial = await openSocket(running.port);
    partial.write(`POST /v1/api/group/ HTTP/1.1\r\nHost: 127.0.0.1\r\nApi-Key: ${ROAM_KEY['api-key']}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"desc`);
    const slowloris = await openSocket(running.port);
    slowloris.write('GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const partialClosed = closed(partial);
    const slowClosed = closed(slowloris);
    // Let the server read what was sent before it shuts down.
    await fetch(`${running.url}/__admin/health`).then((r) => r.text());
    await running.close(60_000);
    await partialClosed;
    await slowClosed;
  });

  it('answers requests in flight under keep-alive load with Connection: close and resets none', { timeout: 30_000 }, async () => {
    const running = await startTwin({ port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const errors: string[] = [];
    let answered = 0;
    let closing = false;
    let closeHeaders = 0;
    const one = (): Promise<boolean> =>
      new Promise((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port: running.port, path: '/v1/api/group/?page_number=1', agent, headers: ROAM_KEY }, (res) => {
          res.resume();
          res.on('end', () => {
            answered += 1;
            const last = res.headers.connection === 'close';
            if (last) closeHeaders += 1;
            resolve(!last);
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          // After shutdown began, a refused new connection is expected; a reset is not.
          if (!(closing && error.code === 'ECONNREFUSED')) errors.push(error.code ?? error.message);
          resolve(false);
        });
        req.end();
      });
    const client = async (): Promise<void> => {
      while (await one()) {
        if (closing && answered > 10_000) return;
      }
    };
    const clients = Array.from({ length: 20 }, () => client());
    while (answered < 500) await one();
    closing = true;
    await running.close(5000);
    await Promise.all(clients);
    agent.destroy();
    expect(errors).toEqual([]);
    expect(closeHeaders).toBeGreaterThan(0);
  });

  it('a pending Prefer: delay=60000 is answered at once when shutdown starts', { timeout: 20_000 }, async () => {
    const running = await startTwin({ port: 0 });
    const delayed = fetch(`${running.url}/v1/api/group/?page_number=1`, { headers: { ...ROAM_KEY, prefer: 'delay=60000' } });
    // The request has reached the twin once it is in the journal.
    for (;;) {
      const journal = (await (await fetch(`${running.url}/__admin/requests?limit=1`)).json()) as { count: number };
      if (journal.count > 0) break;
    }
    const closing = running.close(60_000);
    const res = await delayed;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    await res.text();
    await closing;
  });

  it('the CLI exits on SIGTERM within the grace period although a client holds a partial request', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--port', '0', '--grace', '500'], { cwd: root });
    const url = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /Admin\s+(http:\/\/[\d.:]+)\//.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
    });
    const socket = await openSocket(Number(new URL(url).port));
    socket.write('POST /v1/api/group/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\n{');
    socket.on('error', () => undefined);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await fetch(`${url}/__admin/health`).then((r) => r.text());
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    socket.destroy();
  });
});
