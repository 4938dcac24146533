import type { Failure } from '../errors.ts';
import type { StoredRoom } from '../model.ts';
import type { SettingsEnv } from './room-writes.ts';

/** What a saver sees: the live room it writes to, the room as it was before any saver, the value. */
export interface SaveInput {
  readonly env: SettingsEnv;
  readonly room: StoredRoom;
  /** SRS compares against the room it read before saving (a shallow copy: `extra` is never mutated). */
  readonly before: StoredRoom;
  readonly value: unknown;
}

/** One SRS saver: undefined when done (or nothing to do), else the vendor's error body. */
export type Saver = (input: SaveInput) => Failure | undefined;
