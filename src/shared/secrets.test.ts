import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskUrl, seal, unseal } from './secrets';

describe('sealed secrets', () => {
  const key = randomBytes(32);

  it('round-trip, differ each time, and hide the plain text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (plain) => {
        const a = seal(plain, key);
        expect(unseal(a, key)).toBe(plain);
        expect(a).not.toBe(seal(plain, key));
        if (plain.length >= 8) expect(a).not.toContain(plain);
      }),
    );
  });

  it('refuse another key and a tampered value', () => {
    const s = seal('https://robot/send?access_token=abc', key);
    expect(() => unseal(s, randomBytes(32))).toThrow();
    const tampered = s.slice(0, -2) + (s.endsWith('A') ? 'BB' : 'AA');
    expect(() => unseal(tampered, key)).toThrow();
  });

  it('pass a value stored before sealing through unchanged', () => {
    expect(unseal('https://oapi.dingtalk.com/robot/send?access_token=x', key)).toBe('https://oapi.dingtalk.com/robot/send?access_token=x');
  });

  it('mask query values and token-like path segments', () => {
    expect(maskUrl('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef')).toBe('https://oapi.dingtalk.com/robot/send?access_token=••••');
    expect(maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••');
    expect(maskUrl('https://open.feishu.cn/open-apis/bot/v2/hook/1f2e3d4c5b6a79880a1b2c3d')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/••••');
  });
});
