import { z } from '../validation';
import { roleProcedure, router, staffProcedure } from '../trpc';
import * as service from './service';

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,40}$/, '用户名为3–40位小写字母、数字或 _ . -。');

export const staffRouter = router({
  me: staffProcedure.query(({ ctx }) => ({ ...ctx.staff, csrfToken: undefined, sessionId: undefined })),
  signOutEverywhere: staffProcedure.mutation(({ ctx }) => service.signOutEverywhere(ctx.db, ctx.staff)),
  users: roleProcedure('admin').query(({ ctx }) => service.listUsers(ctx.db)),
  departments: roleProcedure('admin', 'office').query(({ ctx }) => service.listDepartments(ctx.db)),
  createUser: roleProcedure('admin')
    .input(
      z
        .object({
          username,
          displayName: z.string().trim().min(2, '请填写姓名。').max(50),
          password: z.string().min(12, '密码至少12位。').max(200),
          role: z.enum(['department', 'office', 'admin']),
          departmentId: z.coerce.number().int().positive().nullable(),
        })
        .refine((u) => u.role !== 'department' || u.departmentId !== null, {
          message: '部门工作人员须选择所属部门。',
          path: ['departmentId'],
        }),
    )
    .mutation(({ ctx, input }) => service.createUser(ctx.db, ctx.staff, input)),
  apiKeys: roleProcedure('admin').query(({ ctx }) => service.listApiKeys(ctx.db)),
  createApiKey: roleProcedure('admin')
    .input(
      z.object({
        departmentId: z.coerce.number().int().positive(),
        name: z.string().trim().min(2, '请填写密钥用途。').max(100),
      }),
    )
    .mutation(({ ctx, input }) => service.createApiKey(ctx.db, ctx.staff, input)),
  revokeApiKey: roleProcedure('admin')
    .input(z.object({ id: z.coerce.number().int().positive() }))
    .mutation(({ ctx, input }) => service.revokeApiKey(ctx.db, ctx.staff, input.id)),
});
