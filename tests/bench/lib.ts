import pg from 'pg';

// What every benchmark script shares: its flags, percentiles, and a kept scratch database.

/** `--flag value` and bare `--flag` (value '') from the command line. */
export function benchArgs(argv: readonly string[] = process.argv): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) args.set(a, argv[i + 1]?.startsWith('--') ? '' : (argv[i + 1] ?? ''));
  }
  return args;
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** BENCH_DATABASE_URL, or a clear message and exit. */
export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.error('Set BENCH_DATABASE_URL to a PostgreSQL role that may CREATE DATABASE.');
    process.exit(1);
  }
  return url;
}

/**
 * Creates the scratch database `name` unless it exists (kept between runs so that a 1M-row
 * seed is paid once); `reseed` drops it first. True when it was created now.
 */
export async function ensureBenchDatabase(adminUrl: string, name: string, reseed: boolean): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (reseed) await admin.query(`drop database if exists ${name} with (force)`);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return false;
    await admin.query(`create database ${name}`);
    return true;
  } finally {
    await admin.end();
  }
}

/** The median (mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
