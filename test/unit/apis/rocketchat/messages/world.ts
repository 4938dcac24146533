import type { ApiSession } from '../../../../../src/core/api.ts';
import { ByteBudget, Meter, unboundedMeter } from '../../../../../src/core/byte-budget.ts';
import type { JsonResponse } from '../../../../../src/core/types.ts';
import type { RocketChatStore } from '../../../../../src/apis/rocketchat/store/store.ts';
import type { PrivateRoom, StoredRoom } from '../../../../../src/apis/rocketchat/model.ts';
import { authHeaders, call, expectDocumented, freshSession, freshStore, LIMITED_ID, LIMITED_TOKEN, pinnedDeps } from '../support.ts';

/** A session over a store the test can reach, with a clock it moves (one second per `tick`). */
export interface World {
  readonly store: RocketChatStore;
  readonly session: ApiSession;
  readonly deps: ReturnType<typeof pinnedDeps>;
  /** Moves the clock `seconds` forward (default 1) and returns the new ISO time. */
  tick(seconds?: number): string;
  /** Calls an operation as tester (or with `headers`) and checks the answer against the spec. */
  run(operationId: string, input?: { body?: unknown; query?: Record<string, unknown>; headers?: Record<string, string> }): Promise<JsonResponse>;
}

export const LIMITED = authHeaders(LIMITED_ID, LIMITED_TOKEN);
export const ADMIN_ID = 'rocketchat.internal.admin.test';

/** A fresh world; with `roomForBytes`, the session's budget leaves that many bytes beyond the fixtures. */
export function world(roomForBytes?: number): World {
  let store = freshStore();
  if (roomForBytes !== undefined) {
    const probe = unboundedMeter();
    freshStore(undefined, probe);
    store = freshStore(undefined, new Meter(new ByteBudget(probe.bytes + roomForBytes)));
  }
  const deps = pinnedDeps();
  const session = freshSession(deps, undefined, store);
  let now = Date.parse('2025-01-15T10:00:00.000Z');
  return {
    store,
    session,
    deps,
    tick(seconds = 1) {
      now += seconds * 1000;
      const iso = new Date(now).toISOString();
      deps.set(iso);
      return iso;
    },
    async run(operationId, input = {}) {
      const response = call(session, operationId, input);
      await expectDocumented(operationId, response);
      return response;
    },
  };
}

/** A login token for the admin, valid in this store. */
export function adminHeaders(store: RocketChatStore): Record<string, string> {
  store.tokens.add('admin-token-for-tests', ADMIN_ID);
  return authHeaders(ADMIN_ID, 'admin-token-for-tests');
}

/** Creates a private group as tester (members by username) and returns the stored room. */
export async function group(w: World, name: string, members: string[] = ['limited.user']): Promise<PrivateRoom> {
  const res = await w.run('groupsCreate', { body: { name, members } });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  const room = w.store.rooms.roomByName(name);
  if (room?.t !== 'p') throw new Error('no group');
  return room as PrivateRoom;
}

/** Sets `room.extra[key]` as the settings helpers would (copy on write). */
export function setExtra(w: World, room: StoredRoom, key: string, value: unknown): void {
  w.store.rooms.update(room, (r) => {
    r.extra = new Map([...room.extra, [key, value]]);
  });
}

/** Sends `msg` to `rid` as tester (or `headers`), expecting 200; returns the message body. */
export async function send(w: World, rid: string, msg: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await w.run('chatSendMessage', { body: { message: { rid, msg, ...extra } }, ...(headers ? { headers } : {}) });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return (res.body as { message: Record<string, unknown> }).message;
}

/** The body of an answer as a plain record. */
export function bodyOf(res: JsonResponse): Record<string, unknown> {
  return res.body as Record<string, unknown>;
}
