import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TRPCError } from '@trpc/server';

// The revoke button's server action: what the administrator is told must match what happened.

const revokeApiKey = vi.fn();
const redirect = vi.fn((url: string) => {
  throw new Error(`redirect:${url}`);
});

vi.mock('next/navigation', () => ({ redirect: (url: string) => redirect(url) }));
vi.mock('@/app/admin/_lib/session', () => ({
  staffFromForm: async () => ({ staff: { id: 1 }, caller: { staff: { revokeApiKey } } }),
  clearSessionCookie: vi.fn(),
  clientInfo: vi.fn(),
  setSessionCookie: vi.fn(),
}));

const { revokeApiKeyAction } = await import('@/app/admin/actions');

function formFor(id: number) {
  const form = new FormData();
  form.set('csrf', 't');
  form.set('id', String(id));
  return form;
}

describe('revoking an API key', () => {
  beforeEach(() => {
    revokeApiKey.mockReset();
    redirect.mockClear();
  });

  it('reports success when the key was revoked', async () => {
    revokeApiKey.mockResolvedValue(undefined);
    await expect(revokeApiKeyAction(formFor(7))).rejects.toThrow('redirect:/admin/users?notice=key-revoked');
  });

  it('reports refusal when the key was already revoked or unknown', async () => {
    revokeApiKey.mockRejectedValue(new TRPCError({ code: 'NOT_FOUND', message: '没有这个有效的 API 密钥。' }));
    await expect(revokeApiKeyAction(formFor(7))).rejects.toThrow('redirect:/admin/users?notice=key-not-revoked');
  });

  it('reports refusal when the signed-in staff member may not revoke keys', async () => {
    revokeApiKey.mockRejectedValue(new TRPCError({ code: 'FORBIDDEN', message: '无权操作。' }));
    await expect(revokeApiKeyAction(formFor(7))).rejects.toThrow('redirect:/admin/users?notice=key-not-revoked');
  });

  it('does not hide a server failure behind a notice', async () => {
    revokeApiKey.mockRejectedValue(new Error('connection lost'));
    await expect(revokeApiKeyAction(formFor(7))).rejects.toThrow('connection lost');
  });
});
