import { estimateBytes } from '../../../core/byte-budget.ts';
import { DEFAULT_SETTINGS, HIDDEN_SETTINGS } from '../defaults/settings.ts';
import type { Charges } from './charges.ts';

/**
 * The workspace settings of one session: the registry's defaults (defaults/settings.ts) with the
 * values the fixtures or `POST /api/v1/settings/:_id` changed. A change takes effect on the next
 * request: the modelled endpoints read their settings here every time.
 */
export class SettingsStore {
  private readonly changed = new Map<string, { readonly value: unknown; readonly bytes: number }>();

  constructor(private readonly charges: Charges) {}

  /** True for a setting the twin knows and the vendor does not hide. */
  has(id: string): boolean {
    return Object.hasOwn(DEFAULT_SETTINGS, id) && !HIDDEN_SETTINGS.has(id);
  }

  /** The current value (hidden settings included: the server reads them). */
  get(id: string): unknown {
    const changed = this.changed.get(id);
    return changed ? changed.value : DEFAULT_SETTINGS[id];
  }

  string(id: string): string {
    const value = this.get(id);
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }

  /**
   * The value as the vendor's code tests it: JavaScript truthiness. `POST settings/:_id` stores a
   * value of any type as sent, so `"false"` saved into a boolean setting reads as on there too.
   */
  boolean(id: string): boolean {
    return Boolean(this.get(id));
  }

  number(id: string): number {
    const value = Number(this.get(id));
    return Number.isFinite(value) ? value : 0;
  }

  /** Changes a setting. False, and nothing changed, when the value does not fit the budget. */
  set(id: string, value: unknown): boolean {
    const bytes = estimateBytes([id, value]) + 64;
    const before = this.changed.get(id)?.bytes ?? 0;
    if (bytes > before && !this.charges.admit(bytes - before)) return false;
    if (bytes < before) this.charges.release(before - bytes);
    this.changed.set(id, { value, bytes });
    return true;
  }

  /** Settings changed from their defaults, in the order they were changed (state export). */
  changes(): Record<string, unknown> {
    return Object.fromEntries([...this.changed].map(([id, { value }]) => [id, value]));
  }
}
