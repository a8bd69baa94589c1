import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { recordAudit, verifyAuditChain } from '~/services/audit.server'

const entry = (i: number) => ({
  actorKind: 'staff' as const,
  actorId: 'E2001',
  action: 'personal_data.viewed',
  subjectBsn: '999993653',
  resource: `persons/${i}`,
  reason: 'telefonische vraag',
  details: { page: '/mijn/gegevens', n: i },
})

describe('the audit log', () => {
  it('chains every entry to the one before it, also when written concurrently', async () => {
    const db = getDb()
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => db.transaction().execute((trx) => recordAudit(trx, entry(i)))),
    )
    const check = await verifyAuditChain(db)
    expect(check).toEqual({ ok: true, rows: 40 })
    const rows = await db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id').execute()
    expect(rows[0].prev_hash).toBe('0'.repeat(64))
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash)
  })

  it('refuses UPDATE and DELETE', async () => {
    const db = getDb()
    await expect(sql`update audit_log set reason = 'nothing to see'`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/)
  })

  it('names the first row that was altered directly in the database', async () => {
    const db = getDb()
    const target = await db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id')
      .offset(12)
      .limit(1)
      .executeTakeFirstOrThrow()
    // A superuser who switches the guard off can still change a row — the chain shows it.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db)
    await sql`update audit_log set reason = 'edited afterwards' where id = ${target.id}`.execute(db)
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db)
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      rows: 40,
      firstBrokenId: String(target.id),
      reason: 'hash',
    })
  })

  it('writes nothing when the change it belongs to rolls back', async () => {
    const db = getDb()
    const before = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, entry(99))
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    const after = await db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })
})
