/** One documented (operation, status) pair and how often the twin served it. */
export interface CoverageRow {
  readonly api: string;
  readonly operationId: string;
  readonly status: number;
  readonly served: number;
}

/**
 * Mock-side contract coverage (research/anchors.md §4.8): which documented operation × status
 * pairs a client suite actually received, so a frontend's CI can assert "we saw the 401".
 */
export class Coverage {
  private readonly counts = new Map<string, number>();

  constructor(private readonly documented: readonly Omit<CoverageRow, 'served'>[]) {}

  /** Counts one answer. */
  hit(api: string, operationId: string, status: number): void {
    const key = `${api} ${operationId} ${status}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Every documented pair with its count, plus served pairs the spec does not document (should be none). */
  report(): { rows: CoverageRow[]; covered: number; total: number } {
    const rows = this.documented.map((d) => ({ ...d, served: this.counts.get(`${d.api} ${d.operationId} ${d.status}`) ?? 0 }));
    return { rows, covered: rows.filter((r) => r.served > 0).length, total: rows.length };
  }

  clear(): void {
    this.counts.clear();
  }
}
