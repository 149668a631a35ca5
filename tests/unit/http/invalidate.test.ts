import { describe, expect, it } from 'vitest';
import { changingPublicData, onPublicDataChange } from '@/server/http/invalidate';

describe('changingPublicData', () => {
  it('drops cached pages after the work committed, and not when it failed', async () => {
    const events: string[] = [];
    const off = onPublicDataChange(() => events.push('purge'));
    try {
      const result = await changingPublicData(async () => {
        events.push('commit');
        return 42;
      });
      expect(result).toBe(42);
      expect(events).toEqual(['commit', 'purge']);
      await expect(
        changingPublicData(async () => {
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(events).toEqual(['commit', 'purge']);
    } finally {
      off();
    }
  });
});
