import { describe, expect, it } from 'vitest';
import { trackSchema } from '@/server/applications/schema';

describe('the tracking form', () => {
  it('accepts a tracking number as printed, in any case and with spaces', () => {
    const parsed = trackSchema.parse({ trackingNumber: ' yy 20261128 012345 ', queryCode: 'ABCD2345' });
    expect(parsed.trackingNumber).toBe('YY20261128012345');
  });

  it('says in Chinese what is wrong with a malformed number, without looking it up', () => {
    for (const trackingNumber of ['abc', 'YY2026112801234', 'AB20261128012345', 'YY2026112801234X']) {
      const result = trackSchema.safeParse({ trackingNumber, queryCode: 'ABCD2345' });
      expect(result.success, trackingNumber).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['trackingNumber']);
      expect(result.error?.issues[0]?.message).toContain('受理编号应为2个字母加14位数字');
    }
    expect(trackSchema.safeParse({ trackingNumber: '', queryCode: 'x' }).error?.issues[0]?.message).toBe(
      '请填写受理编号。',
    );
  });
});
