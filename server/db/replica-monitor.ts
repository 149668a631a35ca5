import type pg from 'pg';
import { parseLsn, routingState } from './read-routing';

// Watches the replica twice a second: is it answering, how far behind the primary is it, and
// which WAL position has it replayed (so that reads after a known change wait for it). Public
// reads use the replica only while this says it is healthy and within the bound
// (read-routing.ts).
//
// The lag: each check samples the primary's flushed WAL position with the time. The replica is
// `now - T` behind, where T is the newest sample it has replayed past (0 when it has replayed
// the latest). pg_last_xact_replay_timestamp() alone over-states an idle replica — it is the
// time of the last replayed COMMIT, which can be minutes old while the replica is fully caught
// up and only bookkeeping records are in flight — so it is used only as an upper bound when no
// sample has been replayed yet.

export const REPLICA_CHECK_MS = 500;
/** How long primary positions are remembered: lag beyond this is reported as at least this. */
const SAMPLE_WINDOW_MS = 60_000;

export interface ReplicaMonitor {
  /** A replica statement failed for a reason of the replica's: stop using it until the next good check. */
  trouble(err: unknown): void;
  stop(): void;
}

export function startReplicaMonitor(primary: pg.Pool, replica: pg.Pool, maxLagSeconds: number): ReplicaMonitor {
  const state = routingState();
  state.replica = { ...state.replica, configured: true, maxLagSeconds };
  let stopped = false;
  let running = false;
  const samples: { at: number; lsn: bigint }[] = [];
  const lagOf = (replayLsn: bigint | null, replayTimestampAge: number | null): number | null => {
    if (replayLsn === null) return null;
    const latest = samples.at(-1);
    if (latest && replayLsn >= latest.lsn) return 0;
    const passed = samples.filter((s) => s.lsn <= replayLsn).at(-1);
    if (passed) return (Date.now() - passed.at) / 1000;
    return replayTimestampAge === null
      ? SAMPLE_WINDOW_MS / 1000
      : Math.max(SAMPLE_WINDOW_MS / 1000, replayTimestampAge);
  };

  const check = async () => {
    if (running || stopped) return;
    running = true;
    const changesBefore = state.changes;
    try {
      const p = await primary.query<{ lsn: string }>('select pg_current_wal_flush_lsn()::text as lsn');
      const primaryLsn = parseLsn(p.rows[0]?.lsn);
      if (primaryLsn !== null) {
        samples.push({ at: Date.now(), lsn: primaryLsn });
        while (samples.length > 0 && samples[0]!.at < Date.now() - SAMPLE_WINDOW_MS) samples.shift();
      }
      if (state.changePending && primaryLsn !== null) {
        // Every change this process knows of committed before this position was read.
        if (state.requiredLsn === null || primaryLsn > state.requiredLsn) state.requiredLsn = primaryLsn;
        if (state.changes === changesBefore) state.changePending = false;
      }
      try {
        const r = await replica.query<{ replay: string | null; behind: number | null }>(
          `select pg_last_wal_replay_lsn()::text as replay,
                  extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as behind`,
        );
        const replayLsn = parseLsn(r.rows[0]?.replay);
        const behind = r.rows[0]?.behind ?? null;
        state.replica = {
          ...state.replica,
          healthy: replayLsn !== null,
          lagSeconds: lagOf(replayLsn, behind),
          replayLsn,
          error: replayLsn === null ? '备库未处于流复制恢复状态 (not a streaming replica)' : null,
          checkedAt: Date.now(),
        };
      } catch (err) {
        state.replica = {
          ...state.replica,
          healthy: false,
          lagSeconds: null,
          error: err instanceof Error ? err.message : String(err),
          checkedAt: Date.now(),
        };
      }
    } catch {
      // The primary does not answer: nothing to compare with; writes fail on their own.
    } finally {
      running = false;
    }
  };

  void check();
  const timer = setInterval(() => void check(), REPLICA_CHECK_MS);
  timer.unref();
  return {
    trouble(err) {
      state.replica = {
        ...state.replica,
        healthy: false,
        error: err instanceof Error ? err.message : String(err),
        checkedAt: Date.now(),
      };
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
