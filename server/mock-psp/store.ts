import { randomInt } from 'node:crypto'
import { sql } from 'kysely'
import type { DB } from '../../db/client'
import type { MockPspPaymentsTable, PaymentStatus } from '../../db/schema'
import type { Selectable } from 'kysely'

/**
 * The mock provider's payments (migration 0026), in PostgreSQL so that every instance of the
 * portal sees the same ones. An open payment expires after its `expires_at`: looked at later, it
 * is expired, as at Mollie.
 */
export type MockPayment = Selectable<MockPspPaymentsTable>

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `tr_` and ten random letters and digits, as Mollie's ids look (tr_WDqYK6vllg). */
export function newPaymentId(): string {
  let id = 'tr_'
  for (let i = 0; i < 10; i++) id += ALPHABET[randomInt(ALPHABET.length)]
  return id
}

export async function insertPayment(
  db: DB,
  values: Omit<MockPayment, 'status' | 'method' | 'settled_at' | 'metadata'> & { metadata: unknown },
): Promise<MockPayment> {
  return db
    .insertInto('mock_psp_payments')
    .values({ ...values, metadata: JSON.stringify(values.metadata ?? null), status: 'open' })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** The payment as it stands now: an open one past its time is expired first. */
export async function findPayment(db: DB, id: string, now: Date): Promise<MockPayment | undefined> {
  await db
    .updateTable('mock_psp_payments')
    .set({ status: 'expired', settled_at: sql<Date>`expires_at` })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('expires_at', '<=', now)
    .execute()
  return db.selectFrom('mock_psp_payments').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The tester's choice on the checkout page: only an open payment takes one, once. */
export async function settlePayment(
  db: DB,
  id: string,
  status: Extract<PaymentStatus, 'paid' | 'failed' | 'canceled' | 'expired'>,
  now: Date,
): Promise<MockPayment | undefined> {
  return db
    .updateTable('mock_psp_payments')
    .set({ status, settled_at: now, method: status === 'paid' || status === 'failed' ? 'ideal' : null })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst()
}
