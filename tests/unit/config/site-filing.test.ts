import { describe, expect, it } from 'vitest';
import { loadConfig as load } from '../../../server/config';

const loadConfig = (env: Record<string, string>) => load({ NODE_ENV: 'test', ...env } as NodeJS.ProcessEnv);

// The footer's filing numbers and contact are settings, validated at start (issue 17 finding 9).
describe('SITE_ICP_NUMBER, SITE_PSB_NUMBER and SITE_CONTACT', () => {
  it('are unset by default, so the footer leaves their lines out', () => {
    const c = loadConfig({});
    expect(c.SITE_ICP_NUMBER).toBeUndefined();
    expect(c.SITE_PSB_NUMBER).toBeUndefined();
    expect(c.SITE_CONTACT).toBeUndefined();
  });

  it('accept real filing numbers and a one-line contact', () => {
    const c = loadConfig({
      SITE_ICP_NUMBER: ' 蜀ICP备12345678号-1 ',
      SITE_PSB_NUMBER: '川公网安备51110202000001号',
      SITE_CONTACT: '联系电话：0833-2123456',
    });
    expect(c).toMatchObject({
      SITE_ICP_NUMBER: '蜀ICP备12345678号-1',
      SITE_PSB_NUMBER: '川公网安备51110202000001号',
      SITE_CONTACT: '联系电话：0833-2123456',
    });
  });

  it('refuse a placeholder, in Chinese, naming the setting', () => {
    expect(() => loadConfig({ SITE_ICP_NUMBER: '（上线前按备案结果填写）' })).toThrow(
      /SITE_ICP_NUMBER 应为工信部备案号/,
    );
    expect(() => loadConfig({ SITE_PSB_NUMBER: '待定' })).toThrow(/SITE_PSB_NUMBER 应为公安机关备案号/);
    expect(() => loadConfig({ SITE_CONTACT: '<script>' })).toThrow(/SITE_CONTACT 应为一行文字/);
  });
});
