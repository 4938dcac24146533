import { describe, expect, it } from 'vitest';
import {
  BASE64_CHARS,
  loginToken,
  meteorId,
  randomString,
  UNMISTAKABLE_CHARS,
} from '../../../../src/apis/rocketchat/random-id.ts';
import { seededRandom } from './support.ts';

describe('Meteor Random ids (research §3.2)', () => {
  it('Random.id(): 17 characters of the unmistakable alphabet', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i += 1) expect(meteorId(random)).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}$/);
  });

  it('the alphabet leaves out the lookalikes 0, 1, I, O and l', () => {
    expect(UNMISTAKABLE_CHARS).toHaveLength(55);
    expect(UNMISTAKABLE_CHARS).not.toMatch(/[01IOl]/);
  });

  it('is pinned by the injected random source', () => {
    expect(meteorId(seededRandom(9))).toBe(meteorId(seededRandom(9)));
    expect(meteorId(seededRandom(9))).not.toBe(meteorId(seededRandom(10)));
  });

  it('login tokens: 43 base64url characters, like Random.secret()', () => {
    const token = loginToken(seededRandom(3));
    expect(token).toHaveLength(43);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(BASE64_CHARS).toHaveLength(64);
  });

  it('maps the ends of [0, 1) onto the first and last character, and clamps a source returning 1', () => {
    expect(randomString(() => 0, 'abc', 3)).toBe('aaa');
    expect(randomString(() => 0.999999, 'abc', 2)).toBe('cc');
    expect(randomString(() => 1, 'abc', 1)).toBe('c');
  });
});
