import type { Meilisearch } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { subjectDocument } from '@/server/search/documents';
import { rebuildIndexName, reindexMeilisearch } from '@/server/search/meilisearch/reindex';
import { SEARCH_SETTINGS } from '@/server/search/meilisearch/settings';
import { createMeilisearchSink } from '@/server/search/meilisearch/sink';

// The sink and the rebuild against a recording stand-in of the client (no server): which tasks
// are sent, in which order, and what happens when a task fails.

type Status = 'succeeded' | 'failed' | 'canceled';

function recordingClient(failOn?: string) {
  const calls: string[] = [];
  let uid = 0;
  const enqueued = (what: string) => {
    calls.push(what);
    const status: Status = failOn && what.startsWith(failOn) ? 'failed' : 'succeeded';
    const task = { uid: ++uid, status, error: status === 'failed' ? { message: 'index_creation_failed' } : null };
    return Object.assign(Promise.resolve({ taskUid: task.uid }), { waitTask: async () => task });
  };
  const index = (name: string) => ({
    addDocuments: (docs: { id: string }[]) => enqueued(`add ${name} ${docs.map((d) => d.id).join(',')}`),
    deleteDocuments: (ids: string[]) => enqueued(`delete ${name} ${ids.join(',')}`),
    updateSettings: (settings: unknown) => enqueued(`settings ${name} ${settings === SEARCH_SETTINGS}`),
    getRawInfo: async () => {
      if (name === 'live' && failOn !== 'missing-live') return { uid: name };
      throw new Error('index_not_found');
    },
  });
  const client = {
    index,
    createIndex: (name: string) => enqueued(`create ${name}`),
    swapIndexes: (swaps: { indexes: string[] }[]) => enqueued(`swap ${swaps[0]!.indexes.join(' ')}`),
    deleteIndex: (name: string) => enqueued(`drop ${name}`),
    deleteIndexIfExists: async (name: string) => {
      calls.push(`drop-if-exists ${name}`);
      return true;
    },
  };
  return { client: client as unknown as Meilisearch, calls };
}

const subject = (id: number) =>
  subjectDocument({
    id,
    kind: 'legal_person',
    name: `乐山测试${id}有限公司`,
    uscc: null,
    registrationNumber: null,
    legalRepresentative: null,
    address: null,
    industry: null,
    divisionCode: '511102',
    establishedOn: '2020-01-01',
  })!;

async function* batches() {
  yield [subject(1), subject(2)];
  yield [subject(3)];
}

describe('Meilisearch sink', () => {
  it('sends upserts under Meilisearch ids and deletions, and waits for both tasks', async () => {
    const { client, calls } = recordingClient();
    await createMeilisearchSink(client, 'live').apply({ upserts: [subject(1)], deletions: ['penalty:9'] });
    expect(calls).toEqual(['add live subject-1', 'delete live penalty-9']);
  });

  it('a failed task throws, so the outbox keeps its rows and backs off', async () => {
    const { client } = recordingClient('add');
    await expect(createMeilisearchSink(client, 'live').apply({ upserts: [subject(1)], deletions: [] })).rejects.toThrow(
      /failed: index_creation_failed/,
    );
  });

  it('never creates the index by writing to it: without the live index the change fails and is retried', async () => {
    const { client, calls } = recordingClient('missing-live');
    await expect(createMeilisearchSink(client, 'live').apply({ upserts: [subject(1)], deletions: [] })).rejects.toThrow(
      /search:reindex/,
    );
    expect(calls).toEqual([]);
  });

  it('an empty change sends nothing', async () => {
    const { client, calls } = recordingClient();
    await createMeilisearchSink(client, 'live').apply({ upserts: [], deletions: [] });
    expect(calls).toEqual([]);
  });
});

describe('Meilisearch rebuild', () => {
  const now = new Date('2026-11-28T03:04:05.678Z');

  it('builds a new timestamped index with the settings and every batch, then swaps it in and drops the old one', async () => {
    const { client, calls } = recordingClient();
    const result = await reindexMeilisearch(client, batches(), 'live', { now });
    const built = rebuildIndexName('live', now);
    expect(built).toBe('live_20261128030405');
    expect(result).toEqual({ documents: 3, built });
    expect(calls).toEqual([
      `create ${built}`,
      `settings ${built} true`,
      `add ${built} subject-1,subject-2`,
      `add ${built} subject-3`,
      `swap live ${built}`,
      `drop ${built}`,
    ]);
  });

  it('replays the outbox right after the swap, before the old index is dropped', async () => {
    const { client, calls } = recordingClient();
    await reindexMeilisearch(client, batches(), 'live', {
      now,
      afterSwap: async () => {
        calls.push('replay');
      },
    });
    expect(calls.slice(-3)).toEqual([
      `swap live ${rebuildIndexName('live', now)}`,
      'replay',
      `drop ${rebuildIndexName('live', now)}`,
    ]);
  });

  it('the first rebuild creates the live index so the swap has two sides', async () => {
    const { client, calls } = recordingClient('missing-live');
    await reindexMeilisearch(client, batches(), 'live', { now });
    expect(calls.indexOf('create live')).toBeGreaterThan(-1);
    expect(calls.indexOf('create live')).toBeLessThan(calls.findIndex((c) => c.startsWith('swap')));
  });

  it('a failed batch never swaps: the live index stays as it was and the half-built one is dropped', async () => {
    const { client, calls } = recordingClient('add');
    await expect(reindexMeilisearch(client, batches(), 'live', { now })).rejects.toThrow();
    expect(calls.some((c) => c.startsWith('swap'))).toBe(false);
    expect(calls.at(-1)).toBe(`drop-if-exists ${rebuildIndexName('live', now)}`);
  });
});
