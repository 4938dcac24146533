import { describe, expect, it } from 'vitest';
import { checkRoomName, escapeHtml } from '../../../../src/apis/rocketchat/rooms/room-name.ts';

function invalid(shown: string): unknown {
  return {
    success: false,
    error: `${shown} is not a valid room name. [error-invalid-room-name]`,
    errorType: 'error-invalid-room-name',
    details: { function: 'RocketChat.getValidRoomName', channel_name: shown },
  };
}

describe('room names (research §2.4)', () => {
  it('accepts [0-9a-zA-Z-_.]+', () => {
    for (const name of ['general2', 'a', 'A-b_c.d', '123', '-._']) expect(checkRoomName(name)).toBeUndefined();
  });

  it('rejects spaces, symbols and non-ASCII letters', () => {
    for (const name of ['my group', 'a#b', 'a@b', 'café', 'a/b', 'a\tb']) expect(checkRoomName(name)).toEqual(invalid(escapeHtml(name)));
  });

  it('rejects the blocked names in any case', () => {
    for (const name of ['admin', 'Administrator', 'SYSTEM', 'User']) expect(checkRoomName(name)).toEqual(invalid(name));
    expect(checkRoomName('admins')).toBeUndefined();
  });

  it('HTML-escapes the name in the message and details', () => {
    expect(checkRoomName('<b>&"x\'')).toEqual(invalid('&lt;b&gt;&amp;&quot;x&#39;'));
    expect(escapeHtml('¢£¥€©®')).toBe('&cent;&pound;&yen;&euro;&copy;&reg;');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
