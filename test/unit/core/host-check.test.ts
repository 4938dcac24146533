import { describe, expect, it } from 'vitest';
import { hostName, isHostAllowed } from '../../../src/core/host-check.ts';

describe('hostName', () => {
  it('drops the port, brackets and a trailing dot, and lowers the case', () => {
    expect(hostName('LocalHost.:4010')).toBe('localhost');
    expect(hostName('[::1]:4010')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });
});

describe('isHostAllowed', () => {
  it('loopback names and IP literals pass; other names only when listed', () => {
    for (const host of ['localhost', 'localhost:1', 'a.b.localhost:80', '127.0.0.1:4010', '192.168.1.5', '[fe80::1]:4010']) expect(isHostAllowed(host, []), host).toBe(true);
    for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '']) expect(isHostAllowed(host, []), host).toBe(false);
    expect(isHostAllowed(undefined, [])).toBe(false);
    expect(isHostAllowed('twin:4010', ['twin'])).toBe(true);
    expect(isHostAllowed('a.b.corp.example', ['.corp.example'])).toBe(true);
    expect(isHostAllowed('badcorp.example', ['.corp.example'])).toBe(false);
    expect(isHostAllowed('anything', 'all')).toBe(true);
  });
});
