import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from './validation';

// All configuration is read and validated here, once; nothing else reads process.env.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  /** A streaming replica of DATABASE_URL for public reads (optional). */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_REPLICA_URL 必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  /** Public reads leave the replica while it is further behind the primary than this. */
  REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  PGLITE_DIR: z.string().min(1).optional(),
  /** The embedded database is one connection: a query waits at most this long for it, then fails (no freeze). */
  PGLITE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  MEILI_URL: z.string().url('MEILI_URL 必须是完整的网址，例如 http://127.0.0.1:7700').optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Server processes sharing PORT (server/http/workers.ts); unset, one per core on PostgreSQL, one on PGlite. */
  WEB_CONCURRENCY: z.coerce
    .number({ message: 'WEB_CONCURRENCY 应为进程数，例如 2' })
    .int('WEB_CONCURRENCY 应为整数')
    .min(1, 'WEB_CONCURRENCY 至少为 1')
    .max(64, 'WEB_CONCURRENCY 不超过 64')
    .optional(),
  /** 32-byte key (base64) protecting natural persons' ID numbers; generated into the data folder when absent. */
  IDENTITY_KEY: z.string().optional(),
  /** Public address for links; unset, each request's own origin is used (required in production behind a proxy). */
  SITE_URL: z.string().url('SITE_URL 必须是完整的网址，例如 https://credit.leshan.gov.cn').optional(),
  /** SMTP server for e-mails to applicants (smtp://user:pass@host:587 or smtps://…); unset, no e-mail is sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL 必须是 smtp:// 或 smtps:// 开头的地址，例如 smtp://user:pass@mail.example.cn:587')
    .optional(),
  /** The sender of those e-mails. */
  MAIL_FROM: z.string().min(3).default('信用乐山 <noreply@credit.leshan.gov.cn>'),
  /** PKCS#12 (.p12/.pfx) file whose certificate signs the PDF credit reports; unset, `npm start` makes a demo certificate in ./data. */
  REPORT_SIGNING_P12: z
    .string()
    .regex(
      /\.(p12|pfx)$/i,
      'REPORT_SIGNING_P12 必须是 .p12 或 .pfx 证书文件的路径，例如 /etc/xinyong/report-signing.p12',
    )
    .optional(),
  /** The password of that PKCS#12 file. */
  REPORT_SIGNING_P12_PASSWORD: z.string().max(1024, 'REPORT_SIGNING_P12_PASSWORD 过长').optional(),
  /** Reverse proxies of ours in front of the portal (nginx: 1); their X-Forwarded-For entries are believed, no others. */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
  /** Working days a department has to answer a joint-action task (联合奖惩协同任务), SPEC §6 calendar. */
  TASK_RESPONSE_WORKDAYS: z.coerce.number().int().min(1).max(60).default(10),
  /** ICP filing number shown in the footer, e.g. 蜀ICP备12345678号-1; unset, the line is left out. */
  SITE_ICP_NUMBER: z
    .string()
    .trim()
    .regex(/^[\u4e00-\u9fa5]ICP备\d{6,10}号(-\d{1,3})?$/, 'SITE_ICP_NUMBER 应为工信部备案号，例如 蜀ICP备12345678号-1')
    .optional(),
  /** Public security filing number shown in the footer, e.g. 川公网安备51110202000001号; unset, left out. */
  SITE_PSB_NUMBER: z
    .string()
    .trim()
    .regex(
      /^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/,
      'SITE_PSB_NUMBER 应为公安机关备案号，例如 川公网安备51110202000001号',
    )
    .optional(),
  /** How to reach the site's operator, one line, e.g. 联系电话：0833-2123456; unset, left out. */
  SITE_CONTACT: z
    .string()
    .trim()
    .min(2, 'SITE_CONTACT 至少 2 个字')
    .max(120, 'SITE_CONTACT 不超过 120 个字')
    .regex(/^[^\r\n<>]*$/, 'SITE_CONTACT 应为一行文字，不含 < >')
    .optional(),
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
  // Behind a proxy in production the Host header names the proxy's upstream, not the public
  // address: links printed to the public would be wrong, so refuse to start (not at build time).
  if (
    env.NODE_ENV === 'production' &&
    env.NEXT_PHASE !== 'phase-production-build' &&
    parsed.data.TRUSTED_PROXIES > 0 &&
    !parsed.data.SITE_URL
  ) {
    throw new Error(
      '配置有误 (configuration error):\n  SITE_URL: 生产部署在反向代理之后必须设置公开网址，例如 https://credit.leshan.gov.cn (required in production behind a proxy)',
    );
  }
  if ((parsed.data.WEB_CONCURRENCY ?? 1) > 1 && !parsed.data.DATABASE_URL) {
    throw new Error(
      '配置有误 (configuration error):\n  WEB_CONCURRENCY: 内置数据库（PGlite）只能由一个进程打开；多个服务进程请设置 DATABASE_URL (several processes need a PostgreSQL server)',
    );
  }
  const p12 = parsed.data.REPORT_SIGNING_P12;
  if (
    p12 &&
    env.NEXT_PHASE !== 'phase-production-build' &&
    !existsSync(path.resolve(/*turbopackIgnore: true*/ process.cwd(), p12))
  ) {
    throw new Error(
      `配置有误 (configuration error):\n  REPORT_SIGNING_P12: 找不到证书文件 ${p12}，请检查路径 (file not found)`,
    );
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
