import path from 'node:path';
import { z } from './validation';

// All configuration is read and validated here, once; nothing else reads process.env.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  PGLITE_DIR: z.string().min(1).optional(),
  MEILI_URL: z.string().url('MEILI_URL 必须是完整的网址，例如 http://127.0.0.1:7700').optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** 32-byte key (base64) protecting natural persons' ID numbers; generated into the data folder when absent. */
  IDENTITY_KEY: z.string().optional(),
  SITE_URL: z.string().url().default('http://localhost:3000'),
  /** Reverse proxies of ours in front of the portal (nginx: 1); their X-Forwarded-For entries are believed, no others. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
  /** Public applications (objections, repairs, complaints) one address may file per hour. */
  APPLICATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
});

export type AppConfig = z.infer<typeof schema> & { dataDir: string; pgliteDir: string };

let cached: AppConfig | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = schema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 (configuration error):\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'data');
  return {
    ...parsed.data,
    dataDir,
    pgliteDir: path.resolve(
      /*turbopackIgnore: true*/ process.cwd(),
      parsed.data.PGLITE_DIR ?? path.join('data', 'pglite'),
    ),
  };
}

export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
