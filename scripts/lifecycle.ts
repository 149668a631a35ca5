// `npx tsx scripts/lifecycle.ts`: one round of the lifecycle job now (what each instance runs
// hourly), under the same cluster-wide lock, printing what it recorded as JSON. With several
// instances or several runs at once, one runs the round and the others skip it.
import { getDbHandle } from '../server/db/client';
import { runExclusively } from '../server/db/job-lock';
import { lifecycleRound } from '../server/lifecycle/scheduler';

const handle = await getDbHandle();
try {
  const round = await runExclusively(handle, 'lifecycle', () => lifecycleRound(handle.db));
  console.log(JSON.stringify(round.ran ? { ran: true, ...round.result } : { ran: false }));
} finally {
  await handle.close();
}
