import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';

// Attachments and import previews move from the instance's disk (data/attachments,
// data/imports-pending) into PostgreSQL, so pg_dump backs them up and every instance serves
// them. Bytes live in their own table in 1 MiB chunks (out of line in TOAST, uncompressed:
// PDF, JPEG, PNG and XLSX are compressed already), so the metadata tables stay small and a
// read never needs a whole file in one value. Budget: 5 × 10 MB per application.
const CHUNK_BYTES = 1024 * 1024;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table stored_files (
    key text primary key,
    size_bytes bigint not null check (size_bytes >= 0),
    chunk_count integer not null check (chunk_count >= 0),
    sealed boolean not null default false,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create table stored_file_chunks (
    file_key text not null references stored_files(key) on delete cascade,
    seq integer not null check (seq >= 0),
    bytes bytea not null,
    primary key (file_key, seq)
  )`.execute(db);
  await sql`alter table stored_file_chunks alter column bytes set storage external`.execute(db);
  await sql`create table import_previews (
    import_id bigint primary key references imports(id) on delete cascade,
    file_key text not null unique references stored_files(key) on delete cascade,
    expires_at timestamptz not null
  )`.execute(db);
  await sql`create index import_previews_expiry on import_previews (expires_at)`.execute(db);

  // Existing attachments: each file a row references is copied in under its storage key.
  const dataDir = path.resolve(process.cwd(), 'data');
  const dir = path.join(dataDir, 'attachments');
  const { rows } = await sql<{ k: string }>`select storage_key as k from application_attachments`.execute(db);
  let missing = 0;
  for (const { k: key } of rows) {
    const file = path.join(dir, key);
    if (!/^[0-9a-f-]{36}$/.test(key) || !existsSync(file)) {
      missing += 1;
      continue;
    }
    const bytes = await readFile(file);
    const chunks = Math.ceil(bytes.length / CHUNK_BYTES);
    await sql`insert into stored_files (key, size_bytes, chunk_count) values (${key}, ${bytes.length}, ${chunks})`.execute(
      db,
    );
    for (let seq = 0; seq < chunks; seq++) {
      const part = bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
      await sql`insert into stored_file_chunks (file_key, seq, bytes) values (${key}, ${seq}, ${part})`.execute(db);
    }
  }
  if (missing) console.warn(`迁移附件：${missing} 个附件在 ${dir} 中没有文件，已跳过。`);
  // Previews kept in clear text on disk are not moved (they would expire within a day
  // anyway): they are deleted, ID numbers included; their imports can be uploaded again.
  const pending = path.join(dataDir, 'imports-pending');
  if (existsSync(pending)) {
    for (const name of await readdir(pending)) await rm(path.join(pending, name), { force: true });
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table import_previews`.execute(db);
  await sql`drop table stored_file_chunks`.execute(db);
  await sql`drop table stored_files`.execute(db);
}
