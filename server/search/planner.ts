import { termLexemes } from './text';

// Chooses between the GIN text index and a scan for each query (pure, given statistics).

/** PostgreSQL's statistics of the index's lexemes (pg_stats most_common_elems). */
export interface LexemeStatistics {
  rows: number;
  frequencies: Map<string, number>;
  /** The lowest tracked frequency: anything untracked is rarer. */
  floor: number;
  /** How many partitions the index is split into (each read in turn, until the cap). */
  partitions: number;
}

/** How long the statistics are trusted before they are read again. */
const STATS_TTL_MS = 5 * 60_000;
/** Below this many documents the index is always the better plan. */
const SCAN_MIN_ROWS = 50_000;
/** Bigrams of a long term that go to the index (the rarest ones): 6 beat 2, 4 and 8 on document numbers (A/B on the bench). */
export const RARE_LEXEMES_PER_TERM = 6;

/**
 * Chooses, per query, between the text index and a scan. The GIN index costs in proportion to
 * its posting lists, a scan (sequential, or down the date index) in proportion to the rows it
 * reads before it has enough; so broad queries scan and selective ones use the index. The
 * estimate comes from PostgreSQL's own statistics of the lexemes (pg_stats), refreshed
 * every few minutes; without statistics (a small or new index) the index is always used.
 */
export class Planner {
  private stats: LexemeStatistics | null = null;
  private loadedAt = 0;

  constructor(private readonly load: () => Promise<LexemeStatistics>) {}

  async refresh(): Promise<void> {
    if (this.stats && Date.now() - this.loadedAt < STATS_TTL_MS) return;
    this.stats = await this.load();
    this.loadedAt = Date.now();
  }

  private frequency(lexeme: string): number {
    const stats = this.stats!;
    return stats.frequencies.get(lexeme) ?? stats.floor / 2;
  }

  /** Expected matches: each term as common as its rarest lexeme, filters independent. */
  estimate(terms: readonly string[], groups: readonly (readonly string[])[]): number {
    const stats = this.stats;
    if (!this.known()) return 0;
    let fraction = 1;
    for (const term of terms) fraction *= Math.min(...termLexemes(term).map((l) => this.frequency(l)));
    for (const group of groups)
      fraction *= Math.min(
        1,
        group.reduce((sum, l) => sum + this.frequency(l), 0),
      );
    return fraction * stats!.rows;
  }

  /**
   * Whether the statistics say a term is surely rare: six characters or more, with at least two
   * bigrams too rare to be tracked. Each of those is below the floor on its own, and together
   * they name a full name or phrase, not a word. The estimate cannot tell, as it takes a term to
   * be as common as its rarest bigram. (1M database: the bench's 12 full names all have exact
   * totals, median 3; untracked 2- and 4-character words lie on both sides of the cap.)
   */
  surelyRare(terms: readonly string[]): boolean {
    if (!this.known()) return false;
    const stats = this.stats!;
    return terms.some(
      (term) => Array.from(term).length >= 6 && termLexemes(term).filter((l) => !stats.frequencies.has(l)).length >= 2,
    );
  }

  /**
   * Whether scanning beats the index, by a cost model measured on the 1M benchmark data. A
   * scan reads rows until it has `cap` matches (about 0.45 µs a row with the substring test).
   * The index is read partition by partition until `cap` matches: each partition read costs
   * its share of the chosen lexemes' postings (about 0.05 µs each) and a probe (about 30 µs);
   * each match fetched costs about 0.7 µs.
   */
  prefersScan(lexemes: readonly string[], expected: number, cap: number): boolean {
    if (!this.known()) return false;
    const { rows, partitions } = this.stats!;
    const density = Math.max(expected / rows, 1e-9);
    const scanCost = Math.min(rows, cap / density) * 0.45;
    const perPartition = Math.max(expected / partitions, 1e-9);
    const read = expected >= cap ? Math.min(partitions, Math.ceil(cap / perPartition)) : partitions;
    const postings = lexemes.reduce((sum, l) => sum + this.frequency(l) * rows, 0) * (read / partitions);
    const indexCost = postings * 0.05 + Math.min(expected, cap) * 0.7 + read * 30;
    return scanCost < indexCost;
  }

  /** The few rarest lexemes of a long term: enough to narrow the index scan; the substring test makes it exact. */
  rarest(lexemes: readonly string[], keep: number): string[] {
    if (!this.known() || lexemes.length <= keep) return [...lexemes];
    return [...lexemes].sort((a, b) => this.frequency(a) - this.frequency(b)).slice(0, keep);
  }

  private known(): boolean {
    const stats = this.stats;
    return Boolean(stats && stats.rows >= SCAN_MIN_ROWS && stats.frequencies.size > 0);
  }

  rows(): number {
    return this.stats?.rows ?? 0;
  }
}
