import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/client';
import type { Sealer } from './seal';

// Files kept in PostgreSQL (attachments, import previews) instead of an instance's disk: a
// row in stored_files and the bytes in 1 MiB chunks in stored_file_chunks (TOAST, stored
// out of line and uncompressed). Written inside the caller's transaction, so a file exists
// exactly when the row that names it does; read chunk by chunk, so no query returns more
// than 1 MiB of bytes. Budget: 5 × 10 MB per application.

export const CHUNK_BYTES = 1024 * 1024;

const place = (key: string, seq: number, count: number) => `${key}:${seq}/${count}`;

/** Stores bytes under a new key (in `db`, which should be the caller's transaction). */
export async function putFile(db: Db, bytes: Uint8Array, sealer?: Sealer): Promise<string> {
  const key = randomUUID();
  const count = Math.ceil(bytes.byteLength / CHUNK_BYTES);
  await db
    .insertInto('storedFiles')
    .values({ key, sizeBytes: bytes.byteLength, chunkCount: count, sealed: sealer !== undefined })
    .execute();
  for (let seq = 0; seq < count; seq++) {
    const part = bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
    await db
      .insertInto('storedFileChunks')
      .values({ fileKey: key, seq, bytes: asBytea(sealer ? sealer.seal(part, place(key, seq, count)) : part) })
      .execute();
  }
  return key;
}

// Bytes cross the driver as base64 text decoded by the server: PGlite turns a bytea
// parameter into hex one character at a time (5 s per MiB), base64 costs milliseconds.
const asBytea = (bytes: Uint8Array) =>
  sql<Uint8Array>`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}, 'base64')`;

export class MissingFileError extends Error {}

/** A file's bytes, one chunk per query, checked against its recorded size. */
export async function* fileChunks(db: Db, key: string, sealer?: Sealer): AsyncGenerator<Uint8Array> {
  const file = await db.selectFrom('storedFiles').selectAll().where('key', '=', key).executeTakeFirst();
  if (!file) throw new MissingFileError(`stored file ${key} is missing`);
  if (file.sealed !== (sealer !== undefined)) throw new Error(`stored file ${key}: sealed=${file.sealed}`);
  let size = 0;
  for (let seq = 0; seq < file.chunkCount; seq++) {
    const row = await db
      .selectFrom('storedFileChunks')
      .select(sql<string>`encode(bytes, 'base64')`.as('base64'))
      .where('fileKey', '=', key)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!row) throw new MissingFileError(`stored file ${key}: chunk ${seq} is missing`);
    const stored = Buffer.from(row.base64, 'base64');
    const bytes = sealer ? sealer.open(stored, place(key, seq, file.chunkCount)) : stored;
    size += bytes.byteLength;
    yield bytes;
  }
  if (size !== Number(file.sizeBytes)) throw new Error(`stored file ${key}: ${size} bytes, expected ${file.sizeBytes}`);
}

export async function readWholeFile(db: Db, key: string, sealer?: Sealer): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of fileChunks(db, key, sealer)) parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}

/** Deletes a file and its chunks; true when it existed. */
export async function deleteFile(db: Db, key: string): Promise<boolean> {
  const r = await db.deleteFrom('storedFiles').where('key', '=', key).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
