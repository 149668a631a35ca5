import type { Db } from '../db/client';
import type { ProtectedIdNumber } from './protect';

/** Stores a protected ID number once (keyed by its HMAC) and returns its row id. */
export async function saveIdentityNumber(db: Db, value: ProtectedIdNumber): Promise<number> {
  const row = await db
    .insertInto('identityNumbers')
    .values(value)
    .onConflict((oc) => oc.column('hmac').doUpdateSet({ idType: (eb) => eb.ref('excluded.idType') }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findIdentityNumberId(db: Db, hmac: string): Promise<number | undefined> {
  const row = await db.selectFrom('identityNumbers').select('id').where('hmac', '=', hmac).executeTakeFirst();
  return row?.id;
}
