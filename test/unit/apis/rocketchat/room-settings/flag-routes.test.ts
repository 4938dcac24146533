import { describe, expect, it } from 'vitest';
import { EDITING_NOT_ALLOWED, LIMITED, ROOM_NOT_FOUND, adminHeaders, archived, group, groupOf, info, op, systemMessages, world } from './settings-support.ts';

const required = (param: string) => ({ success: false, error: `The bodyParam "${param}" is required` });

describe('groups.setReadOnly (§3.6)', () => {
  it('sets and clears ro with room-set-read-only / room-removed-read-only', async () => {
    const w = world();
    const rid = group(w, { name: 'ro-a' });
    expect(groupOf(await op(w, 'groupsSetReadOnly', { roomId: rid, readOnly: true }))).toMatchObject({ ro: true, msgs: 1 });
    expect(groupOf(await op(w, 'groupsSetReadOnly', { roomId: rid, readOnly: false }))).toMatchObject({ ro: false, msgs: 2 });
    expect(systemMessages(w, rid)).toEqual([['room-set-read-only', '', 'tester'], ['room-removed-read-only', '', 'tester']]);
  });

  it('order: readOnly present → room → same value (strict) → edit-room → broadcast', async () => {
    const w = world();
    const rid = group(w, { name: 'ro-b', members: ['limited.user'] });
    expect((await op(w, 'groupsSetReadOnly', { roomId: rid })).body).toEqual(required('readOnly'));
    expect((await op(w, 'groupsSetReadOnly', { roomId: 'nope', readOnly: true })).body).toEqual(ROOM_NOT_FOUND);
    const same = { success: false, error: 'The private group read only setting is the same as what it would be changed to.' };
    expect((await op(w, 'groupsSetReadOnly', { roomId: rid, readOnly: false }, LIMITED)).body).toEqual(same);
    expect((await op(w, 'groupsSetReadOnly', { roomId: rid, readOnly: true }, LIMITED)).body).toEqual(EDITING_NOT_ALLOWED);
    // `"false"` is not `false`: it passes the same-value check and, being truthy, sets ro (modelled).
    expect(groupOf(await op(w, 'groupsSetReadOnly', { roomId: rid, readOnly: 'false' }))).toMatchObject({ ro: true });
    const cast = group(w, { name: 'ro-cast', extraData: { broadcast: true } });
    // A broadcast room is created read-only; making it writable is allowed, read-only again is not.
    expect((await op(w, 'groupsSetReadOnly', { roomId: cast, readOnly: true })).body).toEqual(same);
    expect(groupOf(await op(w, 'groupsSetReadOnly', { roomId: cast, readOnly: false }))).toMatchObject({ ro: false, broadcast: true });
    expect((await op(w, 'roomsSaveRoomSettings', { rid: cast, readOnly: true })).body).toEqual({
      success: false,
      error: 'Editing readOnly/reactWhenReadOnly are not allowed for broadcast rooms [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'saveRoomSettings', action: 'Editing_room' },
    });
  });
});

describe('groups.setType (§3.7)', () => {
  it('turns the group into a channel: answered with t "c", gone for groups.*', async () => {
    const w = world();
    const rid = group(w, { name: 'type-a' });
    const res = await op(w, 'groupsSetType', { roomId: rid, type: 'c' });
    expect(groupOf(res)).toMatchObject({ _id: rid, t: 'c', msgs: 1 });
    expect(systemMessages(w, rid)).toEqual([['room_changed_privacy', 'public', 'tester']]);
    expect(info(w, rid).body).toEqual(ROOM_NOT_FOUND);
    expect((await op(w, 'groupsSetType', { roomId: rid, type: 'p' })).body).toEqual(ROOM_NOT_FOUND);
  });

  it('order: type → room → same type → edit-room → create-c → c/p only', async () => {
    const w = world();
    const rid = group(w, { name: 'type-b', members: ['limited.user'] });
    for (const type of [undefined, '', ' ', 7]) expect((await op(w, 'groupsSetType', { roomId: rid, type })).body).toEqual(required('type'));
    expect((await op(w, 'groupsSetType', { roomId: rid, type: 'p' }, LIMITED)).body).toEqual({
      success: false,
      error: 'The private group type is the same as what it would be changed to.',
    });
    expect((await op(w, 'groupsSetType', { roomId: rid, type: 'c' }, LIMITED)).body).toEqual(EDITING_NOT_ALLOWED);
    expect((await op(w, 'groupsSetType', { roomId: rid, type: 'x' })).body).toEqual({
      success: false,
      error: 'error-invalid-room-type [error-invalid-room-type]',
      errorType: 'error-invalid-room-type',
      details: { function: 'RocketChat.saveRoomType', type: 'x' },
    });
    w.store.authz.setPermission('create-c', ['admin'], '2025-01-15T10:00:00.000Z');
    expect((await op(w, 'groupsSetType', { roomId: rid, type: 'c' })).body).toEqual({
      success: false,
      error: 'Changing a private group to a public channel is not allowed [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'saveRoomSettings', action: 'Change_Room_Type' },
    });
    expect(groupOf(info(w, rid))).toMatchObject({ t: 'p', msgs: 0 });
  });

  it('a team main room changes its team type; making a channel private removes default', async () => {
    const w = world();
    await op(w, 'roomsSaveRoomSettings', { rid: '658441562dd9f928ad9951ab', roomType: 'p' });
    expect(w.store.teams.team('658441562dd9f928ad9951aa')?.type).toBe(1);
    expect(w.store.rooms.room('658441562dd9f928ad9951ab')?.t).toBe('p');
    // GENERAL is a default channel; the admin makes it private.
    const admin = adminHeaders(w);
    expect((await op(w, 'roomsSaveRoomSettings', { rid: 'GENERAL', roomType: 'p' }, admin)).status).toBe(200);
    expect(w.store.rooms.room('GENERAL')?.extra.has('default')).toBe(false);
  });
});

describe('groups.setCustomFields (§3.8)', () => {
  it('replaces the fields, {} clears them, no message (tests T)', async () => {
    const w = world();
    const rid = group(w, { name: 'cf-a', customFields: { field0: 'value0' } });
    expect(groupOf(await op(w, 'groupsSetCustomFields', { roomId: rid, customFields: { field9: 'value9' } })).customFields).toEqual({ field9: 'value9' });
    expect(groupOf(await op(w, 'groupsSetCustomFields', { roomName: 'cf-a', customFields: {} })).customFields).toEqual({});
    expect(groupOf(info(w, rid))).toMatchObject({ msgs: 0, customFields: {} });
  });

  it('order: truthy object → room → archived → edit-room → plain object', async () => {
    const w = world();
    const rid = group(w, { name: 'cf-b', members: ['limited.user'] });
    const missing = { success: false, error: 'The bodyParam "customFields" is required with a type like object.' };
    for (const customFields of [undefined, '', 'x', 5, null]) {
      expect((await op(w, 'groupsSetCustomFields', { roomId: rid, customFields })).body).toEqual(missing);
    }
    expect((await op(w, 'groupsSetCustomFields', { roomId: rid, customFields: ['a'] }, LIMITED)).body).toEqual(EDITING_NOT_ALLOWED);
    expect((await op(w, 'groupsSetCustomFields', { roomId: rid, customFields: ['a'] })).body).toEqual({
      success: false,
      error: 'Invalid roomCustomFields type [invalid-roomCustomFields-type]',
      errorType: 'invalid-roomCustomFields-type',
    });
    await op(w, 'groupsArchive', { roomId: rid });
    expect((await op(w, 'groupsSetCustomFields', { roomId: rid, customFields: {} })).body).toEqual(archived('cf-b'));
  });
});

describe('groups.setEncrypted (§3.9)', () => {
  const e2eOff = {
    success: false,
    error: 'Only groups or direct channels can enable encryption [error-action-not-allowed]',
    errorType: 'error-action-not-allowed',
    details: { method: 'saveRoomSettings', action: 'Change_Room_Encrypted' },
  };

  it('needs a boolean, then E2E_Enable for a change (off by default)', async () => {
    const w = world();
    const rid = group(w, { name: 'e2e-a' });
    for (const body of [{ roomId: rid }, { roomId: rid, encrypted: 'no-boolean' }, [true]]) {
      expect((await op(w, 'groupsSetEncrypted', body)).body).toEqual(required('encrypted'));
    }
    expect((await op(w, 'groupsSetEncrypted', { roomId: rid, encrypted: true })).body).toEqual(e2eOff);
    // A room without `encrypted` differs from `false` too (strict comparison in SRS).
    expect((await op(w, 'groupsSetEncrypted', { roomId: rid, encrypted: false })).body).toEqual(e2eOff);
  });

  it('with E2E_Enable: owners toggle it, one message per real change (tests T 102–105)', async () => {
    const w = world();
    w.store.settings.set('E2E_Enable', true);
    const rid = group(w, { name: 'e2e-b', members: ['limited.user'] });
    expect(groupOf(await op(w, 'groupsSetEncrypted', { roomId: rid, encrypted: true }))).toMatchObject({ _id: rid, encrypted: true, msgs: 1 });
    expect(groupOf(info(w, rid)).encrypted).toBe(true);
    expect(groupOf(await op(w, 'groupsSetEncrypted', { roomId: rid, encrypted: true }))).toMatchObject({ encrypted: true, msgs: 1 });
    expect(groupOf(await op(w, 'groupsSetEncrypted', { roomId: rid, encrypted: false }))).toMatchObject({ encrypted: false, msgs: 2 });
    expect(systemMessages(w, rid)).toEqual([['room_e2e_enabled', 'tester', 'tester'], ['room_e2e_disabled', 'tester', 'tester']]);
    w.store.rooms.setRoles(w.store.rooms.subscription(rid, 'vWxKq8Rm3NbTz5Hye') ?? assertNever(), ['moderator']);
    expect((await op(w, 'groupsSetEncrypted', { roomId: rid, encrypted: true }, LIMITED)).body).toEqual({
      success: false,
      error: 'You do not have permission to toggle E2E encryption [error-action-not-allowed]',
      errorType: 'error-action-not-allowed',
      details: { method: 'saveRoomSettings', action: 'Change_Room_Encrypted' },
    });
  });
});

function assertNever(): never {
  throw new Error('missing subscription');
}
