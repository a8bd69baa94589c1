import { sql, type Kysely } from 'kysely'

/**
 * The mock payment service provider (server/mock-psp, mounted at /mock-psp only with MOCK_PSP):
 * its payments, in the database rather than in memory, so that several instances of the portal
 * agree on them — the checkout page served by one, the API call of another. It plays Mollie's
 * side: `id` is its own (`tr_…`), `amount_value` the amount as Mollie writes it ("65.90"),
 * `status` one of Mollie's payment statuses. Nothing of the portal refers to these rows; the
 * portal's own record of a payment is `payments` (0025).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mock_psp_payments')
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^tr_[A-Za-z0-9]{1,64}$'`))
    .addColumn('amount_value', 'text', (c) => c.notNull().check(sql`amount_value ~ '^[0-9]{1,9}\\.[0-9]{2}$'`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('redirect_url', 'text', (c) => c.notNull())
    .addColumn('webhook_url', 'text')
    .addColumn('metadata', 'jsonb')
    .addColumn('locale', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'pending', 'authorized', 'paid', 'failed', 'canceled', 'expired')`),
    )
    .addColumn('method', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    // when it reached its final status (paidAt, failedAt, canceledAt, expiredAt in the API)
    .addColumn('settled_at', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mock_psp_payments').execute()
}
