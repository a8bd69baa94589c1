import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { makeWorkerUtils, runOnce, type WorkerUtils } from 'graphile-worker'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { addDays, todayIn } from '~/domain/local-date'
import { approveMove, refuseMove } from '~/services/requests/move-decision.server'
import {
  getCoMoverChoices,
  getMoveDraft,
  saveCoMovers,
  saveMoveAddress,
  saveMoveDate,
} from '~/services/requests/move-draft.server'
import { getMoveRequestForCaseworker } from '~/services/requests/move-review.server'
import { lookupAddress } from '~/services/requests/move-address.server'
import { submitMove } from '~/services/requests/move-submit.server'
import { applyMove } from '~/services/requests/move-effect.server'
import { getPersonView } from '~/services/requests/my-data.server'
import { DELIVER_TASK, EVENT_TYPES, outboundDeliverTask, retryDelayMs, signBody } from '~/services/outbound.server'

const pieter = personaByKey('pieter')
const fatima = personaByKey('fatima')
const noor = personaByKey('noor')
const daan = personaByKey('daan')
const anneke = personaByKey('anneke')
const thomas = personaByKey('thomas')
const jan = personaByKey('jan')
const now = new Date()
const today = todayIn(now)
const caseworker = { employeeId: 'E1003' }
/** A date as the three fields of the form. */
const ymd = (date: string) => ({ year: date.slice(0, 4), month: date.slice(5, 7), day: date.slice(8, 10) })

/** A subscriber that is down for the first `failures` deliveries, then accepts. */
function flakySubscriber(failures: number) {
  const received: Array<{ body: string; signature: string | undefined }> = []
  let calls = 0
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      calls++
      if (calls <= failures) {
        res.writeHead(503).end('down for maintenance')
        return
      }
      received.push({ body, signature: req.headers['x-mijnstad-signature'] as string | undefined })
      res.writeHead(202).end()
    })
  })
  return {
    received,
    get calls() {
      return calls
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let utils: WorkerUtils
beforeAll(async () => {
  await seedPersonas(getDb())
  utils = await makeWorkerUtils({ connectionString: process.env.DATABASE_URL! })
})
afterAll(async () => {
  await utils?.release()
})

async function draftFor(
  bsn: string,
  address: { postcode: string; houseNumber: string; addition?: string },
  picked: number[] = [],
) {
  const actor = { bsn }
  const saved = await saveMoveAddress(actor, null, { addition: '', ...address }, { now })
  if (!saved.ok) throw new Error(`address refused: ${JSON.stringify(saved)}`)
  expect(await saveMoveDate(actor, saved.id, ymd(addDays(today, 7)), { now })).toEqual({ ok: true })
  expect(await saveCoMovers(actor, saved.id, picked, { now })).toEqual({ ok: true })
  return saved.id
}

describe('looking up the new address in the register', () => {
  it('finds an address by postcode and number, however the postcode is typed', async () => {
    const found = await lookupAddress({ postcode: '9715 ab', houseNumber: '2', addition: '' })
    expect(found).toMatchObject({
      ok: true,
      address: { street: 'Korreweg', houseNumber: '2', postcode: '9715 AB', city: 'Groningen' },
    })
  })

  it('says when the postcode is malformed and the number missing, both at once', async () => {
    expect(await lookupAddress({ postcode: '0123 AB', houseNumber: '', addition: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'postcode', error: 'starts_with_zero' },
        { field: 'houseNumber', error: 'required' },
      ],
    })
  })

  it('says when the address does not exist', async () => {
    expect(await lookupAddress({ postcode: '9715AB', houseNumber: '999', addition: '' })).toEqual({
      ok: false,
      errors: [{ field: 'houseNumber', error: 'not_found' }],
    })
  })

  it('asks to choose when a number has letters or additions, and finds each one', async () => {
    // Korreweg 3 has 3A and 3B; Korreweg 7 has 7, 7-1 and 7-2 (db/seed/addresses.ts)
    expect(await lookupAddress({ postcode: '9715AB', houseNumber: '3', addition: '' })).toEqual({
      ok: false,
      errors: [{ field: 'addition', error: 'choose', options: ['3A', '3B'] }],
    })
    expect(await lookupAddress({ postcode: '9715AB', houseNumber: '3', addition: 'b' })).toMatchObject({
      ok: true,
      address: { houseNumber: '3B' },
    })
    expect(await lookupAddress({ postcode: '9715AB', houseNumber: '7-1', addition: '' })).toMatchObject({
      ok: true,
      address: { houseNumber: '7-1' },
    })
    expect(await lookupAddress({ postcode: '9715AB', houseNumber: '7', addition: '' })).toMatchObject({
      ok: true,
      address: { houseNumber: '7' },
    })
    expect(await lookupAddress({ postcode: '9715AB', houseNumber: '7', addition: '9' })).toEqual({
      ok: false,
      errors: [{ field: 'addition', error: 'not_found', options: ['7', '7-1', '7-2'] }],
    })
  })

  it('refuses the address the citizen already lives at', async () => {
    // Jan lives at Oosterstraat 12 (postcode 9711NS: the second block of ten numbers of 9711NR)
    const home = await getDb()
      .selectFrom('addresses')
      .selectAll()
      .where('street', '=', 'Oosterstraat')
      .where('house_number', '=', 12)
      .executeTakeFirstOrThrow()
    expect(
      await saveMoveAddress(
        { bsn: jan.bsn },
        null,
        { postcode: home.postcode, houseNumber: '12', addition: '' },
        { now },
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'postcode', error: 'same_as_current' }],
    })
  })
})

describe('the steps of reporting a move', () => {
  it('refuses a date outside the window of Wet BRP art. 2.39 and keeps the draft', async () => {
    const saved = await saveMoveAddress(
      { bsn: jan.bsn },
      null,
      { postcode: '9715AB', houseNumber: '1', addition: '' },
      { now },
    )
    if (!saved.ok) throw new Error('address refused')
    expect(await saveMoveDate({ bsn: jan.bsn }, saved.id, ymd(addDays(today, 29)), { now })).toMatchObject({
      ok: false,
      error: 'too_late',
    })
    expect(await saveMoveDate({ bsn: jan.bsn }, saved.id, ymd(addDays(today, -6)), { now })).toMatchObject({
      ok: false,
      error: 'too_early',
    })
    expect(await saveMoveDate({ bsn: jan.bsn }, saved.id, ymd(addDays(today, 28)), { now })).toEqual({ ok: true })
    expect(await saveMoveDate({ bsn: jan.bsn }, saved.id, ymd(addDays(today, -5)), { now })).toEqual({ ok: true })
  })

  it("answers another citizen's draft as if it did not exist", async () => {
    const saved = await saveMoveAddress(
      { bsn: jan.bsn },
      null,
      { postcode: '9715AB', houseNumber: '1', addition: '' },
      { now },
    )
    if (!saved.ok) throw new Error('address refused')
    expect(await getMoveDraft({ bsn: anneke.bsn }, saved.id, { now })).toBeNull()
    expect(await saveMoveDate({ bsn: anneke.bsn }, saved.id, ymd(today), { now })).toEqual({ ok: false, missing: true })
    expect(await submitMove({ bsn: anneke.bsn }, saved.id, { now })).toEqual({ ok: false, missing: true })
  })

  it('lists the household with who may move along and why not, and audits that view', async () => {
    const saved = await saveMoveAddress(
      { bsn: pieter.bsn },
      null,
      { postcode: '9715AB', houseNumber: '1', addition: '' },
      { now },
    )
    if (!saved.ok) throw new Error('address refused')
    await saveMoveDate({ bsn: pieter.bsn }, saved.id, ymd(today), { now })
    const choices = await getCoMoverChoices({ bsn: pieter.bsn }, saved.id, { now })
    expect(choices?.map((c) => [c.name, c.relation, c.eligible])).toEqual([
      ['Fatima el Amrani', 'partner', true],
      ['Noor de Vries', 'child', true],
      ['Daan de Vries', 'child', true],
    ])
    // Thomas (22) lives with Anneke: he may move along; Anneke may not be moved by her son.
    const annekeDraft = await saveMoveAddress(
      { bsn: thomas.bsn },
      null,
      { postcode: '9715AB', houseNumber: '1', addition: '' },
      { now },
    )
    if (!annekeDraft.ok) throw new Error('address refused')
    await saveMoveDate({ bsn: thomas.bsn }, annekeDraft.id, ymd(today), { now })
    const thomasChoices = await getCoMoverChoices({ bsn: thomas.bsn }, annekeDraft.id, { now })
    expect(thomasChoices?.map((c) => [c.name, c.eligible, c.reason])).toEqual([
      ['Anneke Bakker', false, 'parent_reports_own_move'],
    ])
    expect(await saveCoMovers({ bsn: thomas.bsn }, annekeDraft.id, [0], { now })).toEqual({
      ok: false,
      refused: [{ index: 0, name: 'Anneke Bakker', reason: 'parent_reports_own_move' }],
    })
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('subject_bsn', '=', thomas.bsn)
      .execute()
    expect(audit).toContainEqual({ action: 'personal_data.viewed', resource: 'mijn/gegevens/verhuizen/wie' })
  })
})

describe('a move from request to every subscribed system', () => {
  it('goes request → case → acknowledgement → approval → new address with history → event, retried until a failing subscriber takes it', async () => {
    const db = getDb()
    const subscriber = flakySubscriber(2)
    const url = await subscriber.start()
    await db
      .insertInto('subscriptions')
      .values({
        id: 'test-afval',
        name: 'Afval (test)',
        event_types: [EVENT_TYPES.addressChanged],
        endpoint_url: url,
        secret: 'test-secret',
      })
      .execute()
    try {
      // 1. Pieter reports the move of the family: Fatima, Noor and Daan move along.
      const before = await db
        .selectFrom('persons')
        .select(['bsn', 'address_id'])
        .where('bsn', '=', pieter.bsn)
        .executeTakeFirstOrThrow()
      const draftId = await draftFor(pieter.bsn, { postcode: '9715AB', houseNumber: '3', addition: 'A' }, [0, 1, 2])
      const review = await getMoveDraft({ bsn: pieter.bsn }, draftId, { now })
      expect(review?.coMovers.map((m) => m.name)).toEqual(['Fatima el Amrani', 'Noor de Vries', 'Daan de Vries'])
      const submitted = await submitMove({ bsn: pieter.bsn }, draftId, { now })
      if (!submitted.ok) throw new Error(`submit refused: ${JSON.stringify(submitted)}`)
      expect(submitted.reference).toMatch(/^Z-\d{4}-\d{6}$/)

      // 2. A case "verhuizing", received over the internet, with its acknowledgement letter.
      const kase = await db.selectFrom('cases').selectAll().where('id', '=', submitted.caseId).executeTakeFirstOrThrow()
      expect(kase).toMatchObject({
        case_type_code: 'verhuizing',
        bsn: pieter.bsn,
        channel: 'internet',
        status: 'open',
        received_on: today,
      })
      const letters = await db
        .selectFrom('letters')
        .select(['template_code', 'bsn'])
        .where('case_id', '=', kase.id)
        .orderBy('created_at')
        .execute()
      // Fatima, an adult co-mover, gets a letter of her own; Noor and Daan (under 16) do not.
      expect(letters).toEqual([
        { template_code: 'acknowledgement', bsn: pieter.bsn },
        { template_code: 'move_co_mover_reported', bsn: fatima.bsn },
      ])
      const submitAudit = await db
        .selectFrom('audit_log')
        .select(['action', 'subject_bsn'])
        .where('action', 'like', 'move.submitted%')
        .execute()
      expect(submitAudit).toEqual(
        expect.arrayContaining([
          { action: 'move.submitted', subject_bsn: pieter.bsn },
          { action: 'move.submitted_as_co_mover', subject_bsn: fatima.bsn },
          { action: 'move.submitted_as_co_mover', subject_bsn: noor.bsn },
          { action: 'move.submitted_as_co_mover', subject_bsn: daan.bsn },
        ]),
      )
      // A draft cannot be sent twice.
      expect(await submitMove({ bsn: pieter.bsn }, draftId, { now })).toEqual({ ok: false, missing: true })

      // 3. The caseworker approves; the move date is a week ahead, so nothing is sent yet.
      const request = await db
        .selectFrom('move_requests')
        .select(['id'])
        .where('case_id', '=', kase.id)
        .executeTakeFirstOrThrow()
      const moveDate = addDays(today, 7)
      const approved = await approveMove(caseworker, request.id, { now })
      expect(approved).toEqual({ ok: true, moved: 4, eventsEnqueued: 0, takesEffect: 'on_date', moveDate })
      expect(await approveMove(caseworker, request.id, { now })).toEqual({ ok: false, error: 'already_decided' })
      expect(await db.selectFrom('outbound_events').select('id').where('case_id', '=', kase.id).execute()).toEqual([])
      expect(
        (await db.selectFrom('persons').select('address_id').where('bsn', '=', fatima.bsn).executeTakeFirstOrThrow())
          .address_id,
      ).toBe(before.address_id)
      // On the move date (today in Amsterdam is then the move date) the job applies it.
      const onTheDay = new Date(`${moveDate}T09:00:00Z`)
      expect(await applyMove(request.id, { now: onTheDay })).toBe('applied')

      // 4. Everyone has the new address from the move date, and the old period is closed (history kept).
      const target = await db
        .selectFrom('addresses')
        .select('id')
        .where('postcode', '=', '9715AB')
        .where('house_number', '=', 3)
        .where('house_letter', '=', 'A')
        .executeTakeFirstOrThrow()
      for (const bsn of [pieter.bsn, fatima.bsn, noor.bsn, daan.bsn]) {
        const person = await db
          .selectFrom('persons')
          .select(['address_id', 'moved_in_on'])
          .where('bsn', '=', bsn)
          .executeTakeFirstOrThrow()
        expect(person).toEqual({ address_id: target.id, moved_in_on: moveDate })
        const history = await db
          .selectFrom('address_history')
          .select(['address_id', 'from_date', 'to_date'])
          .where('bsn', '=', bsn)
          .orderBy('from_date')
          .execute()
        expect(history.at(-2)).toMatchObject({ address_id: before.address_id, to_date: moveDate })
        expect(history.at(-1)).toEqual({ address_id: target.id, from_date: moveDate, to_date: null })
      }
      const audited = await db
        .selectFrom('audit_log')
        .select(['subject_bsn', 'actor_id'])
        .where('action', '=', 'address.changed')
        .execute()
      expect(audited.map((a) => a.subject_bsn).sort()).toEqual([pieter.bsn, fatima.bsn, noor.bsn, daan.bsn].sort())
      // Changed by the job on the day; the approval by the caseworker is audited as such.
      expect(new Set(audited.map((a) => a.actor_id))).toEqual(new Set(['system:move-effect']))
      const approvals = await db
        .selectFrom('audit_log')
        .select(['subject_bsn', 'actor_id'])
        .where('action', '=', 'move.approved')
        .execute()
      expect(approvals.map((a) => a.subject_bsn).sort()).toEqual([pieter.bsn, fatima.bsn, noor.bsn, daan.bsn].sort())
      expect(new Set(approvals.map((a) => a.actor_id))).toEqual(new Set(['E1003']))

      // 5. The case is decided and closed, with the decision letter.
      const closed = await db
        .selectFrom('cases')
        .select(['status', 'outcome'])
        .where('id', '=', kase.id)
        .executeTakeFirstOrThrow()
      expect(closed).toEqual({ status: 'closed', outcome: 'granted' })

      // 6. The events wait for the worker; the subscriber fails twice, with growing back-off between tries.
      const outbound = await db.selectFrom('outbound_events').selectAll().where('case_id', '=', kase.id).execute()
      expect(outbound).toHaveLength(4)
      expect(outbound.every((o) => o.status === 'pending' && o.subscription_id === 'test-afval')).toBe(true)
      const connectionString = process.env.DATABASE_URL!
      const taskList = { [DELIVER_TASK]: outboundDeliverTask as never }
      const runAts: number[] = []
      for (let round = 0; round < 10; round++) {
        await runOnce({ connectionString, taskList, noHandleSignals: true, logger: quietLogger })
        const pending = await db
          .selectFrom('outbound_events')
          .select(['id'])
          .where('case_id', '=', kase.id)
          .where('status', '!=', 'delivered')
          .execute()
        if (pending.length === 0) break
        // Back-off: graphile-worker put the failed job later. Bring it forward instead of waiting.
        const jobs = await sql<{ id: string; run_at: Date; attempts: number; last_error: string | null }>`
          select id, run_at, attempts, last_error from graphile_worker.jobs where task_identifier = ${DELIVER_TASK}`.execute(
          db,
        )
        for (const job of jobs.rows) {
          expect(job.run_at.getTime()).toBeGreaterThan(Date.now())
          expect(job.last_error).toContain('HTTP 503')
          runAts.push(job.run_at.getTime() - Date.now())
        }
        await utils.rescheduleJobs(
          jobs.rows.map((j) => j.id),
          { runAt: new Date() },
        )
      }
      const delivered = await db
        .selectFrom('outbound_events')
        .select(['status', 'attempts', 'last_error', 'delivered_at'])
        .where('case_id', '=', kase.id)
        .execute()
      expect(delivered.every((d) => d.status === 'delivered' && d.delivered_at !== null && d.last_error === null)).toBe(
        true,
      )
      expect(delivered.map((d) => d.attempts).reduce((a, b) => a + b, 0)).toBe(4 + 2) // two failed tries in all
      expect(subscriber.calls).toBe(6)
      expect(runAts.length).toBeGreaterThan(0)
      expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1))

      // 7. What arrived: a signed CloudEvent per person, with no more personal data than needed.
      expect(subscriber.received).toHaveLength(4)
      const events = subscriber.received.map((r) => ({ ...r, event: JSON.parse(r.body) }))
      for (const { body, signature, event } of events) {
        expect(signature).toBe(`sha256=${signBody(body, 'test-secret')}`)
        expect(event).toMatchObject({
          specversion: '1.0',
          type: EVENT_TYPES.addressChanged,
          subject: target.id,
          datacontenttype: 'application/json',
        })
        expect(Object.keys(event.data).sort()).toEqual([
          'bsn',
          'datumAanvangAdreshouding',
          'huisletter',
          'huisnummer',
          'huisnummertoevoeging',
          'nummeraanduidingId',
          'postcode',
          'straat',
          'woonplaats',
        ])
        expect(event.data).toMatchObject({
          nummeraanduidingId: target.id,
          huisnummer: 3,
          huisletter: 'A',
          datumAanvangAdreshouding: moveDate,
        })
        expect(body).not.toContain('Pieter')
        expect(body).not.toContain(before.address_id!)
      }
      expect(events.map((e) => e.event.data.bsn).sort()).toEqual([pieter.bsn, fatima.bsn, noor.bsn, daan.bsn].sort())

      // 8. The caseworker sees the delivery state.
      const detail = await getMoveRequestForCaseworker(caseworker, request.id)
      expect(detail?.deliveries.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered'])
      expect(detail?.movers.map((m) => m.role)).toEqual(['declarant', 'partner', 'child', 'child'])

      // 9. "Mijn gegevens" shows the new address and the old one in the history.
      const view = await getPersonView({ bsn: fatima.bsn }, { now: onTheDay })
      expect(view.address?.value.address.oneLine).toBe('Korreweg 3A, 9715 AB Groningen')
      expect(view.address?.value.since).toBe(moveDate)
      expect(view.addressHistory.map((h) => h.address.street)).toEqual(['Korreweg', 'Helperzoom'])
    } finally {
      await db.updateTable('subscriptions').set({ active: false }).where('id', '=', 'test-afval').execute()
      await subscriber.close()
    }
  })

  it('is one transaction: when the audit entry cannot be written, no case, letter or sent request remains', async () => {
    const db = getDb()
    const draftId = await draftFor(jan.bsn, { postcode: '9715AB', houseNumber: '5' })
    const count = async (table: 'cases' | 'letters') =>
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    const [cases, letters] = [await count('cases'), await count('letters')]
    await sql`create function test_refuse_move_audit() returns trigger language plpgsql as $$
      begin if new.action = 'move.submitted' then raise exception 'audit unavailable'; end if; return new; end $$`.execute(
      db,
    )
    await sql`create trigger test_refuse_move_audit before insert on audit_log for each row execute function test_refuse_move_audit()`.execute(
      db,
    )
    try {
      await expect(submitMove({ bsn: jan.bsn }, draftId, { now })).rejects.toThrow(/audit unavailable/)
    } finally {
      await sql`drop trigger test_refuse_move_audit on audit_log`.execute(db)
      await sql`drop function test_refuse_move_audit()`.execute(db)
    }
    expect([await count('cases'), await count('letters')]).toEqual([cases, letters])
    expect(
      await db
        .selectFrom('move_requests')
        .select(['status', 'case_id'])
        .where('id', '=', draftId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'draft', case_id: null })
    // With the audit log back, the same draft goes through.
    expect(await submitMove({ bsn: jan.bsn }, draftId, { now })).toMatchObject({ ok: true })
  })

  it('lets a caseworker refuse a move with a reason: the address stays, the case is decided', async () => {
    const db = getDb()
    const draftId = await draftFor(anneke.bsn, { postcode: '9715AB', houseNumber: '4' }, [0])
    const submitted = await submitMove({ bsn: anneke.bsn }, draftId, { now })
    if (!submitted.ok) throw new Error('submit refused')
    const request = await db
      .selectFrom('move_requests')
      .select(['id'])
      .where('case_id', '=', submitted.caseId)
      .executeTakeFirstOrThrow()
    const before = await db
      .selectFrom('persons')
      .select(['address_id'])
      .where('bsn', 'in', [anneke.bsn, thomas.bsn])
      .execute()
    expect(await refuseMove(caseworker, request.id, 'Op dit adres staat geen woning.', { now })).toMatchObject({
      ok: true,
    })
    expect(
      await db.selectFrom('persons').select(['address_id']).where('bsn', 'in', [anneke.bsn, thomas.bsn]).execute(),
    ).toEqual(before)
    expect(
      await db
        .selectFrom('cases')
        .select(['status', 'outcome'])
        .where('id', '=', submitted.caseId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'closed', outcome: 'refused' })
  })

  it('stops an approval when a co-mover no longer lives at the old address', async () => {
    const db = getDb()
    const draftId = await draftFor(thomas.bsn, { postcode: '9715AB', houseNumber: '6' })
    const submitted = await submitMove({ bsn: thomas.bsn }, draftId, { now })
    if (!submitted.ok) throw new Error('submit refused')
    // The declarant moved some other way in the meantime.
    const other = await db
      .selectFrom('addresses')
      .select('id')
      .where('postcode', '=', '9715AB')
      .where('house_number', '=', 8)
      .executeTakeFirstOrThrow()
    await db.updateTable('persons').set({ address_id: other.id }).where('bsn', '=', thomas.bsn).execute()
    const request = await db
      .selectFrom('move_requests')
      .select(['id'])
      .where('case_id', '=', submitted.caseId)
      .executeTakeFirstOrThrow()
    expect(await approveMove(caseworker, request.id, { now })).toEqual({ ok: false, error: 'household_changed' })
    expect(
      await db.selectFrom('move_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow(),
    ).toEqual({ status: 'submitted' })
  })
})

const quietLogger = new (await import('graphile-worker')).Logger(() => () => {})
