import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/databases';
import { checkModel, createWorld, emptyStats, type World } from './model-harness';

// Issue 12, model-based: generated sequences of imports, API pushes, refused re-imports,
// staff corrections and withdrawals, objections, complaints, repairs and days passing, on one
// fresh penalty record per sequence, through the real writers; after every step the public
// state (record row, API, record page, search, audit trail) must equal the pure model of
// model.ts (SPEC §3, §4, §6). MODEL_RUNS sequences per database (default 100: 200 per run),
// MODEL_STEPS operations at most per sequence (default 8, after the first import). A failure
// prints fast-check's seed and the shrunk sequence, with the step and the model before and after.

const runs = Number(process.env.MODEL_RUNS || 100);
const maxSteps = Number(process.env.MODEL_STEPS || 8);
/** Replays a failure: MODEL_SEED=<the seed fast-check printed>. */
const seed = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined;

describeEachDatabase('a penalty record’s public state follows the model through every writer', (current) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld(current().db);
  });

  it(
    `${runs} generated sequences of at most ${maxSteps + 1} operations`,
    { timeout: Math.max(240_000, runs * maxSteps * 300) },
    async () => {
      const stats = emptyStats();
      await checkModel(world, { runs, maxSteps, ...(seed === undefined ? {} : { seed }) }, stats);
      expect(stats.sequences).toBe(runs);
      // Most generated operations apply; a model that skipped everything would prove nothing.
      expect(stats.skipped).toBeLessThan(stats.steps / 2);
      if (process.env.MODEL_STATS) console.log(stats);
    },
  );
});
