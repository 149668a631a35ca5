import { getDbHandle, type Db } from '../db/client';
import { runExclusively } from '../db/job-lock';
import { publicDataChanged } from '../http/invalidate';
import { todayInShanghai } from '../rules/dates';
import { pruneExpiredSearchDocuments } from '../search/indexer';
import { meilisearchClient } from '../search/meilisearch/client';
import { pruneOutbox } from '../search/outbox';
import { runLifecycle, type LifecycleResult } from './service';

// Runs the lifecycle job inside the server process: once at start, then every hour (cheap
// when nothing is due; a new day is picked up within the hour). Started from instrumentation.ts.

const HOUR_MS = 3_600_000;
const globalForJob = globalThis as unknown as { __lifecycleTimer?: NodeJS.Timeout };

export function startLifecycleScheduler(): void {
  if (globalForJob.__lifecycleTimer) return;
  const tick = async () => {
    try {
      const handle = await getDbHandle();
      // With several instances, one runs each round; the others find the lock taken and skip.
      const round = await runExclusively(handle, 'lifecycle', () => lifecycleRound(handle.db));
      if (!round.ran) console.log('生命周期任务：另一实例正在运行本轮，跳过');
    } catch (err) {
      console.error('生命周期任务失败，将在一小时后重试：', err);
    }
  };
  globalForJob.__lifecycleTimer = setInterval(() => void tick(), HOUR_MS);
  globalForJob.__lifecycleTimer.unref();
  // A minute after start, so that the first requests never wait behind the first (largest) run.
  setTimeout(() => void tick(), 60_000).unref();
}

/** One round of the job: transitions, then housekeeping. Run through runExclusively. */
export async function lifecycleRound(db: Db): Promise<LifecycleResult> {
  const today = todayInShanghai();
  const result = await runLifecycle(db, today);
  const total = result.penaltiesEnded + result.licencesExpired + result.listEntriesExpired;
  if (total > 0) publicDataChanged();
  // Housekeeping: documents whose window ended can never show again; the outbox has a
  // consumer only when Meilisearch is configured (then unconsumed rows are kept).
  await pruneExpiredSearchDocuments(db, today);
  await pruneOutbox(db, { hasConsumer: meilisearchClient() !== null });
  if (total > 0 || result.tasksOverdue > 0) {
    console.log(
      `生命周期任务：${result.penaltiesEnded} 条处罚公示期满，${result.licencesExpired} 条许可过期，${result.listEntriesExpired} 条名单到期，${result.tasksOverdue} 项协同任务逾期`,
    );
  }
  return result;
}
