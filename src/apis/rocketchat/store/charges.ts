import type { Meter } from '../../../core/byte-budget.ts';

/**
 * The session's byte budget as the stores use it. While the fixtures are seeded, charges are made
 * even past the budget (every session starts from them); afterwards a write must fit or it is
 * refused in the vendor's envelope (`error-twin-session-full`).
 */
export class Charges {
  private seeding = true;

  constructor(private readonly meter: Meter) {}

  /** Ends seeding: from now on every write must fit. */
  seal(): void {
    this.seeding = false;
  }

  /** The session budget's limit, for the error that says it is full. */
  get limit(): number {
    return this.meter.limit;
  }

  /** True when `bytes` more would fit (nothing charged). */
  fits(bytes: number): boolean {
    return this.seeding || this.meter.fits(bytes);
  }

  /** Charges `bytes` when they fit (always while seeding). */
  admit(bytes: number): boolean {
    if (this.seeding) {
      this.meter.charge(bytes);
      return true;
    }
    return this.meter.tryCharge(bytes);
  }

  /** Charges even past the budget: for writes already checked with `fits` as a batch. */
  force(bytes: number): void {
    this.meter.charge(bytes);
  }

  release(bytes: number): void {
    this.meter.release(bytes);
  }
}
