import { makeWorkerUtils, runOnce, Logger, type WorkerUtils } from 'graphile-worker'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { startOfDayIn } from '~/domain/local-date'
import { searchCitizens } from '~/services/impersonation/citizen-search.server'
import { getCaseForCitizen, getOverviewForCitizen, listCasesForCitizen } from '~/services/cases/citizen.server'
import { recordCaseEvent } from '~/services/cases/record.server'
import { listLettersForCitizen } from '~/services/letters/citizen.server'
import { LETTER_NOTICE_TASK } from '~/services/letters/notices.server'
import { applyDueMoves, applyMove, MOVE_APPLY_TASK, moveEffectTasks } from '~/services/requests/move-effect.server'
import { getMoveForCitizenCase, withdrawMove } from '~/services/requests/move-parties.server'
import { approveMove, refuseMove, startAddressInvestigation } from '~/services/requests/move-decision.server'
import {
  getBlockingMove,
  getCoMoverChoices,
  saveCoMovers,
  saveMoveAddress,
  saveMoveDate,
} from '~/services/requests/move-draft.server'
import { getMoveRequestForCaseworker } from '~/services/requests/move-review.server'
import { submitMove } from '~/services/requests/move-submit.server'
import { getPersonView } from '~/services/requests/my-data.server'
import { EVENT_TYPES } from '~/services/outbound.server'
import { createPerson } from '../support/factories'

/**
 * Moves that take effect on their date and tell everyone who moves (Wet BRP art. 2.39,
 * 2.48–2.49), with the clock fixed: reported and approved on Monday 30 November 2026 (11:00 in
 * Amsterdam) for Tuesday 15 December 2026. Nothing sleeps: each step passes its own `now`.
 */
const REPORTED = new Date('2026-11-30T10:00:00Z')
const MOVE_DATE = '2026-12-15'
/** 00:00:30 on 15 December in Amsterdam: 23:00:30 UTC the day before. */
const ON_THE_DAY = new Date('2026-12-14T23:00:30Z')
const EVE = new Date('2026-12-14T22:59:00Z')
const caseworker = { employeeId: 'E1003' }
const ymd = (date: string) => ({ year: date.slice(0, 4), month: date.slice(5, 7), day: date.slice(8, 10) })
const pieter = personaByKey('pieter')
const fatima = personaByKey('fatima')
const noor = personaByKey('noor')
const daan = personaByKey('daan')
const anneke = personaByKey('anneke')
const thomas = personaByKey('thomas')
const jan = personaByKey('jan')
const quiet = new Logger(() => () => {})

let db: DB
let utils: WorkerUtils
beforeAll(async () => {
  db = getDb()
  await seedPersonas(db)
  utils = await makeWorkerUtils({ connectionString: process.env.DATABASE_URL!, logger: quiet })
  // A subscriber of "address changed", so that what is (not) sent can be counted.
  await db
    .insertInto('subscriptions')
    .values({
      id: 'test-belastingen',
      name: 'Belastingen (test)',
      event_types: [EVENT_TYPES.addressChanged],
      endpoint_url: 'http://127.0.0.1:9/events',
      secret: 'test-secret',
    })
    .execute()
})
afterAll(async () => {
  await utils?.release()
})

/** An address of the register by street and number (no letter, no addition). */
async function at(street: string, number: number) {
  const a = await db
    .selectFrom('addresses')
    .select(['id', 'postcode'])
    .where('street', '=', street)
    .where('house_number', '=', number)
    .where('house_letter', 'is', null)
    .where('house_number_addition', 'is', null)
    .executeTakeFirstOrThrow()
  return { id: a.id, postcode: a.postcode, houseNumber: String(number) }
}

/** Reports a move through the four steps of the service, at `now`. */
async function reportMove(
  bsn: string,
  to: { postcode: string; houseNumber: string },
  picked: number[],
  { moveDate = MOVE_DATE, now = REPORTED }: { moveDate?: string; now?: Date } = {},
) {
  const actor = { bsn }
  const saved = await saveMoveAddress(
    actor,
    null,
    { postcode: to.postcode, houseNumber: to.houseNumber, addition: '' },
    { now },
  )
  if (!saved.ok) throw new Error(`address refused: ${JSON.stringify(saved)}`)
  expect(await saveMoveDate(actor, saved.id, ymd(moveDate), { now })).toEqual({ ok: true })
  expect(await saveCoMovers(actor, saved.id, picked, { now })).toEqual({ ok: true })
  const submitted = await submitMove(actor, saved.id, { now })
  if (!submitted.ok) throw new Error(`submit refused: ${JSON.stringify(submitted)}`)
  const { id } = await db
    .selectFrom('move_requests')
    .select('id')
    .where('case_id', '=', submitted.caseId)
    .executeTakeFirstOrThrow()
  return { ...submitted, requestId: id, draftId: saved.id }
}

/** A household of our own: a declarant, a partner and children, at one address of the register. */
async function household(address: string, members: Array<{ relation: 'partner' | 'child'; birthDate: string }>) {
  const declarant = await createPerson(db, { address_id: address, birth_date: '1980-03-03' })
  const people = []
  for (const m of members) {
    const person = await createPerson(db, { address_id: address, birth_date: m.birthDate })
    await db
      .insertInto('relations')
      .values([
        { bsn: declarant.bsn, related_bsn: person.bsn, kind: m.relation, since: null },
        {
          bsn: person.bsn,
          related_bsn: declarant.bsn,
          kind: m.relation === 'partner' ? 'partner' : 'parent',
          since: null,
        },
      ])
      .execute()
    people.push(person)
  }
  return { declarant, people }
}

const addressOf = async (bsn: string) =>
  (await db.selectFrom('persons').select('address_id').where('bsn', '=', bsn).executeTakeFirstOrThrow()).address_id
const historyOf = (bsn: string) =>
  db
    .selectFrom('address_history')
    .select(['address_id', 'from_date', 'to_date'])
    .where('bsn', '=', bsn)
    .orderBy('from_date')
    .orderBy('id')
    .execute()
const outboundOf = (caseId: string) =>
  db.selectFrom('outbound_events').select(['payload']).where('case_id', '=', caseId).execute()
const lettersOf = (caseId: string) =>
  db
    .selectFrom('letters')
    .select(['id', 'bsn', 'template_code', 'language', 'title', 'delivery', 'letter_date'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute()
/** Jobs waiting in graphile-worker's queue for a task (its public view has no payload). */
const jobsFor = (task: string) =>
  sql<{ id: string; payload: Record<string, string>; run_at: Date; key: string | null }>`
    select j.id, j.payload, j.run_at, j.key
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
     where t.identifier = ${task}`
    .execute(db)
    .then((r) => r.rows)

describe('Pieter reports the family’s move to Oude Ebbingestraat 5, where an 85-year-old lives alone', () => {
  let move: Awaited<ReturnType<typeof reportMove>>
  let helperzoom: string | null
  let target: string

  beforeAll(async () => {
    helperzoom = await addressOf(pieter.bsn)
    const oudeEbbinge5 = await at('Oude Ebbingestraat', 5)
    target = oudeEbbinge5.id
    // Fatima, Noor and Daan move along (positions in Pieter's household list).
    move = await reportMove(pieter.bsn, oudeEbbinge5, [0, 1, 2])
  })

  it('makes Fatima a party to the case: a letter of her own with its e-mail notice, and the case in her own Mijn zaken', async () => {
    const letters = await lettersOf(move.caseId)
    expect(letters.map((l) => [l.bsn, l.template_code])).toEqual([
      [pieter.bsn, 'acknowledgement'],
      [fatima.bsn, 'move_co_mover_reported'],
    ])
    const toFatima = letters.find((l) => l.bsn === fatima.bsn)!
    expect(toFatima).toMatchObject({ language: 'nl', delivery: 'digital', letter_date: '2026-11-30' })
    expect(toFatima.title).toBe('Er is een verhuizing voor u doorgegeven')
    const notices = await jobsFor(LETTER_NOTICE_TASK)
    expect(notices.map((j) => j.payload.letterId)).toContain(toFatima.id)

    // Her letters page and her cases: the move is there, as Pieter's case she is a party to.
    expect((await listLettersForCitizen(fatima.bsn)).map((l) => l.id)).toContain(toFatima.id)
    const cases = await listCasesForCitizen(fatima.bsn, 'nl', '2026-11-30')
    expect(cases.open.map((c) => c.id)).toContain(move.caseId)
    const overview = await getOverviewForCitizen(fatima.bsn, 'nl', '2026-11-30')
    expect(overview.openCases.map((c) => c.id)).toContain(move.caseId)
    const detail = await getCaseForCitizen(fatima.bsn, move.caseId, 'nl', '2026-11-30')
    expect(detail?.reference).toBe(move.reference)
    // On the case she sees her own letters, not Pieter's acknowledgement.
    expect(detail?.letters.map((l) => l.id)).toEqual([toFatima.id])
    const panel = await getMoveForCitizenCase({ bsn: fatima.bsn }, move.caseId)
    expect(panel).toMatchObject({
      state: 'submitted',
      youReported: false,
      reportedBy: 'Pieter de Vries',
      reportedOn: '2026-11-30',
      address: 'Oude Ebbingestraat 5, 9712 HA Groningen',
      moveDate: MOVE_DATE,
      canWithdraw: false,
    })
  })

  it('writes no letter to Noor (10) and Daan (7): children under 16 are told through their parents', async () => {
    const letters = await lettersOf(move.caseId)
    expect(letters.some((l) => l.bsn === noor.bsn || l.bsn === daan.bsn)).toBe(false)
    expect(await listCasesForCitizen(noor.bsn, 'nl', '2026-11-30')).toMatchObject({ open: [expect.anything()] })
  })

  it('keeps the case from anyone else: Jan gets nothing, as for an unknown id', async () => {
    expect(await getCaseForCitizen(jan.bsn, move.caseId, 'nl', '2026-11-30')).toBeNull()
    expect((await listCasesForCitizen(jan.bsn, 'nl', '2026-11-30')).open.map((c) => c.id)).not.toContain(move.caseId)
    expect(await getMoveForCitizenCase({ bsn: jan.bsn }, move.caseId)).toBeNull()
    expect(await withdrawMove({ bsn: jan.bsn }, move.caseId, { now: REPORTED })).toEqual({
      ok: false,
      error: 'not_found',
    })
  })

  it('refuses Fatima a second move while this one runs, and says who reported which', async () => {
    const blocked = await getBlockingMove({ bsn: fatima.bsn })
    expect(blocked).toEqual({
      caseId: move.caseId,
      reportedByYou: false,
      reportedBy: 'Pieter de Vries',
      reportedOn: '2026-11-30',
      address: 'Oude Ebbingestraat 5, 9712 HA Groningen',
      moveDate: MOVE_DATE,
      state: 'submitted',
      withdrawable: false,
    })
    expect(
      await saveMoveAddress({ bsn: fatima.bsn }, null, { postcode: '9715AB', houseNumber: '1', addition: '' }),
    ).toEqual({
      ok: false,
      blocked,
    })
    // Pieter himself cannot start another either.
    expect(await getBlockingMove({ bsn: pieter.bsn })).toMatchObject({ reportedByYou: true, withdrawable: true })
  })

  it('shows the approver the residents of the new address (names and ages, no BSN) and the signal of an elderly person alone', async () => {
    const view = await getMoveRequestForCaseworker(caseworker, move.requestId, { now: REPORTED })
    expect(view?.residents).toEqual([{ name: 'Geertruida van Dijk', age: 84 }])
    expect(view?.signals).toEqual({ countAfter: 5, crowded: false, elderlyAlone: true })
    for (const person of [personaByKey('truus'), pieter, fatima, noor, daan]) {
      expect(JSON.stringify(view)).not.toContain(person.bsn)
    }
    // With a lower MOVE_RESIDENTS_WARNING the count warns too.
    const strict = await getMoveRequestForCaseworker(caseworker, move.requestId, { now: REPORTED, residentsWarning: 4 })
    expect(strict?.signals).toMatchObject({ countAfter: 5, crowded: true })
    // Looking at Geertruida's name and age is on her own record.
    const truus = personaByKey('truus')
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'resource'])
      .where('subject_bsn', '=', truus.bsn)
      .where('action', '=', 'personal_data.viewed')
      .execute()
    expect(audit).toContainEqual({ actor_id: 'E1003', resource: `move-request:${move.requestId}` })
  })

  it('approved on 30 November for 15 December: the decision and the letters now, the address and the events on the day', async () => {
    const approved = await approveMove(caseworker, move.requestId, { now: REPORTED })
    expect(approved).toEqual({ ok: true, moved: 4, eventsEnqueued: 0, takesEffect: 'on_date', moveDate: MOVE_DATE })

    // Nothing changed in the register: current address, history, staff search all say Helperzoom.
    for (const bsn of [pieter.bsn, fatima.bsn, noor.bsn, daan.bsn]) {
      expect(await addressOf(bsn)).toBe(helperzoom)
      expect((await historyOf(bsn)).at(-1)).toMatchObject({ address_id: helperzoom, to_date: null })
    }
    expect(await outboundOf(move.caseId)).toEqual([])
    const kase = await db
      .selectFrom('cases')
      .select(['status', 'outcome'])
      .where('id', '=', move.caseId)
      .executeTakeFirstOrThrow()
    expect(kase).toEqual({ status: 'decided', outcome: 'granted' })

    // The decision letter to Pieter and a letter of her own to Fatima.
    const letters = await lettersOf(move.caseId)
    expect(letters.filter((l) => l.template_code === 'decision_notice').map((l) => l.bsn)).toEqual([pieter.bsn])
    expect(letters.filter((l) => l.template_code === 'move_co_mover_decided').map((l) => l.bsn)).toEqual([fatima.bsn])

    // The job waits for midnight in Amsterdam on the move date.
    const [job] = (await jobsFor(MOVE_APPLY_TASK)).filter((j) => j.payload.moveRequestId === move.requestId)
    expect(job.run_at.toISOString()).toBe('2026-12-14T23:00:00.000Z')
    expect(job.run_at.getTime()).toBe(startOfDayIn(MOVE_DATE).getTime())

    // Staff searching for Pieter find him at his current address, not the future one.
    const support = {
      kind: 'staff' as const,
      sessionId: 'test-session',
      employeeId: 'E2001',
      name: 'Sanne Visser',
      roles: ['support' as const],
    }
    const found = await searchCitizens(support, { kind: 'bsn', bsn: pieter.bsn })
    expect(found).toMatchObject({ ok: true, results: [{ address: 'Helperzoom 8, 9722 BA Groningen' }] })

    // "Mijn gegevens": the current address stays current, the new one is "from 15 December".
    const view = await getPersonView({ bsn: pieter.bsn }, { now: REPORTED })
    expect(view.address?.value.address.oneLine).toBe('Helperzoom 8, 9722 BA Groningen')
    expect(view.pendingMove).toMatchObject({
      caseId: move.caseId,
      moveDate: MOVE_DATE,
      state: 'scheduled',
      reportedBy: null,
      address: { oneLine: 'Oude Ebbingestraat 5, 9712 HA Groningen' },
    })
    expect((await getPersonView({ bsn: fatima.bsn }, { now: REPORTED })).pendingMove).toMatchObject({
      state: 'scheduled',
      reportedBy: 'Pieter de Vries',
    })
    // Still one move at a time, and no withdrawing online after the decision.
    expect(await getBlockingMove({ bsn: fatima.bsn })).toMatchObject({ state: 'scheduled' })
    expect(await withdrawMove({ bsn: pieter.bsn }, move.caseId, { now: REPORTED })).toEqual({
      ok: false,
      error: 'already_decided',
    })
  })

  it('is not applied on the eve of the date, by the job nor by the sweep', async () => {
    expect(await applyMove(move.requestId, { now: EVE })).toBe('not_due')
    expect(await applyDueMoves({ now: EVE })).toEqual({ applied: 0, checked: 0 })
    expect(await addressOf(pieter.bsn)).toBe(helperzoom)
    expect(await outboundOf(move.caseId)).toEqual([])
  })

  it('is applied by its job on the day, once: address, history, "address changed" per mover, the case closed', async () => {
    const [job] = (await jobsFor(MOVE_APPLY_TASK)).filter((j) => j.payload.moveRequestId === move.requestId)
    await utils.rescheduleJobs([job.id], { runAt: new Date() }) // graphile-worker's clock is the real one
    const taskList = moveEffectTasks({ now: () => ON_THE_DAY })
    await runOnce({ connectionString: process.env.DATABASE_URL!, taskList, noHandleSignals: true, logger: quiet })
    expect((await jobsFor(MOVE_APPLY_TASK)).filter((j) => j.payload.moveRequestId === move.requestId)).toEqual([])

    for (const bsn of [pieter.bsn, fatima.bsn, noor.bsn, daan.bsn]) {
      expect(await addressOf(bsn)).toBe(target)
      const history = await historyOf(bsn)
      expect(history.at(-2)).toMatchObject({ address_id: helperzoom, to_date: MOVE_DATE })
      expect(history.at(-1)).toEqual({ address_id: target, from_date: MOVE_DATE, to_date: null })
    }
    const sent = await outboundOf(move.caseId)
    expect(sent).toHaveLength(4)
    expect(sent.map((o) => (o.payload as { data: { bsn: string } }).data.bsn).sort()).toEqual(
      [pieter.bsn, fatima.bsn, noor.bsn, daan.bsn].sort(),
    )
    const kase = await db.selectFrom('cases').select(['status']).where('id', '=', move.caseId).executeTakeFirstOrThrow()
    expect(kase.status).toBe('closed')

    // Again, by the job, the sweep, and two at once: nothing more happens.
    expect(await applyMove(move.requestId, { now: ON_THE_DAY })).toBe('already_applied')
    expect(await applyDueMoves({ now: new Date('2026-12-16T08:00:00Z') })).toEqual({ applied: 0, checked: 0 })
    await Promise.all([applyMove(move.requestId, { now: ON_THE_DAY }), applyMove(move.requestId, { now: ON_THE_DAY })])
    expect(await outboundOf(move.caseId)).toHaveLength(4)
    expect((await historyOf(pieter.bsn)).filter((h) => h.address_id === target)).toHaveLength(1)

    // Now staff search and "Mijn gegevens" show the new address as the current one; no pending move is left.
    const support = {
      kind: 'staff' as const,
      sessionId: 'test-session',
      employeeId: 'E2001',
      name: 'Sanne Visser',
      roles: ['support' as const],
    }
    expect(await searchCitizens(support, { kind: 'bsn', bsn: pieter.bsn })).toMatchObject({
      ok: true,
      results: [{ address: 'Oude Ebbingestraat 5, 9712 HA Groningen' }],
    })
    const view = await getPersonView({ bsn: fatima.bsn }, { now: ON_THE_DAY })
    expect(view.address?.value.address.oneLine).toBe('Oude Ebbingestraat 5, 9712 HA Groningen')
    expect(view.pendingMove).toBeNull()
    expect(await getBlockingMove({ bsn: fatima.bsn })).toBeNull()
  })
})

describe('a day the server was down', () => {
  it('is made up by the daily sweep: a due move whose job never ran is applied once', async () => {
    const from = (await at('Zuiderdiep', 11)).id
    const { declarant } = await household(from, [])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 11), [], { moveDate: '2026-12-10' })
    expect(await approveMove(caseworker, moved.requestId, { now: REPORTED })).toMatchObject({
      ok: true,
      takesEffect: 'on_date',
    })
    // The job is lost (say, the queue was restored from an old backup).
    const jobs = (await jobsFor(MOVE_APPLY_TASK)).filter((j) => j.payload.moveRequestId === moved.requestId)
    await utils.permanentlyFailJobs(
      jobs.map((j) => j.id),
      'lost for the test',
    )
    // Two days later the sweep runs.
    const later = new Date('2026-12-12T00:05:00Z')
    const swept = await applyDueMoves({ now: later })
    expect(swept.applied).toBe(1)
    expect(await addressOf(declarant.bsn)).toBe((await at('Korreweg', 11)).id)
    expect(await outboundOf(moved.caseId)).toHaveLength(1)
    expect(await historyOf(declarant.bsn)).toContainEqual({
      address_id: (await at('Korreweg', 11)).id,
      from_date: '2026-12-10',
      to_date: null,
    })
    expect((await applyDueMoves({ now: later })).applied).toBe(0)
    expect(await outboundOf(moved.caseId)).toHaveLength(1)
  })

  it('the sweep runs as a graphile-worker task with the clock handed in', async () => {
    const from = (await at('Zuiderdiep', 12)).id
    const { declarant } = await household(from, [])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 12), [], { moveDate: '2026-12-10' })
    await approveMove(caseworker, moved.requestId, { now: REPORTED })
    await utils.addJob('move_apply_due', {})
    await runOnce({
      connectionString: process.env.DATABASE_URL!,
      taskList: moveEffectTasks({ now: () => new Date('2026-12-11T00:05:00Z') }),
      noHandleSignals: true,
      logger: quiet,
    })
    expect(await addressOf(declarant.bsn)).toBe((await at('Korreweg', 12)).id)
  })
})

describe('a case closed by a back office before the move date', () => {
  it('still gets its address change on the day: the decision stands', async () => {
    const from = (await at('Zuiderdiep', 21)).id
    const { declarant } = await household(from, [])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 15), [])
    await approveMove(caseworker, moved.requestId, { now: REPORTED })
    const closed = await recordCaseEvent({
      source: 'zaaksysteem',
      sourceEventId: `test-close-${moved.caseId}`,
      actor: 'system:zaaksysteem',
      occurredAt: new Date('2026-12-01T09:00:00Z'),
      now: new Date('2026-12-01T09:00:00Z'),
      case: { caseId: moved.caseId },
      event: { type: 'closed' },
    })
    expect(closed.ok).toBe(true)
    expect(await applyMove(moved.requestId, { now: ON_THE_DAY })).toBe('applied')
    expect(await addressOf(declarant.bsn)).toBe((await at('Korreweg', 15)).id)
    expect(await outboundOf(moved.caseId)).toHaveLength(1)
  })
})

describe('a move whose date has come', () => {
  it('takes effect at approval, in the same transaction: address, history and events at once', async () => {
    const from = (await at('Zuiderdiep', 14)).id
    const { declarant } = await household(from, [])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 14), [], {
      moveDate: '2026-11-27', // reported 3 days late, within the 5 days of art. 2.39(1)
    })
    const result = await approveMove(caseworker, moved.requestId, { now: REPORTED })
    expect(result).toEqual({ ok: true, moved: 1, eventsEnqueued: 1, takesEffect: 'now', moveDate: '2026-11-27' })
    expect(await addressOf(declarant.bsn)).toBe((await at('Korreweg', 14)).id)
    expect(await outboundOf(moved.caseId)).toHaveLength(1)
    expect((await jobsFor(MOVE_APPLY_TASK)).some((j) => j.payload.moveRequestId === moved.requestId)).toBe(false)
    expect(
      (await db.selectFrom('cases').select('status').where('id', '=', moved.caseId).executeTakeFirstOrThrow()).status,
    ).toBe('closed')
  })
})

describe('Anneke reports her move with her adult son Thomas', () => {
  it('writes Thomas a letter of his own, and he sees the case', async () => {
    const moved = await reportMove(anneke.bsn, await at('Korreweg', 16), [0])
    const letters = await lettersOf(moved.caseId)
    expect(letters.map((l) => [l.bsn, l.template_code])).toEqual([
      [anneke.bsn, 'acknowledgement'],
      [thomas.bsn, 'move_co_mover_reported'],
    ])
    expect((await listCasesForCitizen(thomas.bsn, 'nl', '2026-11-30')).open.map((c) => c.id)).toContain(moved.caseId)
  })
})

describe('a household with a partner, an adult child and a young child', () => {
  it('writes the partner and the adult child each a letter of their own on the same event, and the young child none', async () => {
    const home = (await at('Zuiderdiep', 22)).id
    const { declarant, people } = await household(home, [
      { relation: 'partner', birthDate: '1981-01-01' },
      { relation: 'child', birthDate: '2007-06-01' }, // 19
      { relation: 'child', birthDate: '2016-06-01' }, // 10
    ])
    const [partner, adult, young] = people
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 26), [0, 1, 2])
    const letters = (await lettersOf(moved.caseId)).filter((l) => l.template_code === 'move_co_mover_reported')
    expect(letters.map((l) => l.bsn).sort()).toEqual([partner.bsn, adult.bsn].sort())
    expect(letters.some((l) => l.bsn === young.bsn)).toBe(false)
  })
})

describe('one move at a time', () => {
  it('refuses a report naming a co-mover who has a move already, and offers them as not eligible', async () => {
    const home = (await at('Zuiderdiep', 15)).id
    const { declarant, people } = await household(home, [{ relation: 'partner', birthDate: '1982-02-02' }])
    const [partner] = people
    // The partner reports her own move first.
    await reportMove(partner.bsn, await at('Korreweg', 18), [])
    const saved = await saveMoveAddress(
      { bsn: declarant.bsn },
      null,
      { postcode: '9715AB', houseNumber: '2', addition: '' },
      { now: REPORTED },
    )
    if (!saved.ok) throw new Error('address refused')
    await saveMoveDate({ bsn: declarant.bsn }, saved.id, ymd(MOVE_DATE), { now: REPORTED })
    const choices = await getCoMoverChoices({ bsn: declarant.bsn }, saved.id, { now: REPORTED })
    expect(choices?.map((c) => [c.eligible, c.reason])).toEqual([[false, 'move_already_reported']])
    expect(await saveCoMovers({ bsn: declarant.bsn }, saved.id, [0], { now: REPORTED })).toMatchObject({
      ok: false,
      refused: [{ index: 0, reason: 'move_already_reported' }],
    })
  })

  it('lets only one of two partners who report each other at the same moment through', async () => {
    const home = (await at('Zuiderdiep', 16)).id
    const { declarant, people } = await household(home, [{ relation: 'partner', birthDate: '1982-02-02' }])
    const [partner] = people
    const draft = async (bsn: string, number: string) => {
      const saved = await saveMoveAddress(
        { bsn },
        null,
        { postcode: '9715AB', houseNumber: number, addition: '' },
        { now: REPORTED },
      )
      if (!saved.ok) throw new Error('address refused')
      await saveMoveDate({ bsn }, saved.id, ymd(MOVE_DATE), { now: REPORTED })
      expect(await saveCoMovers({ bsn }, saved.id, [0], { now: REPORTED })).toEqual({ ok: true })
      return saved.id
    }
    const [a, b] = [await draft(declarant.bsn, '4'), await draft(partner.bsn, '5')]
    const results = await Promise.all([
      submitMove({ bsn: declarant.bsn }, a, { now: REPORTED }),
      submitMove({ bsn: partner.bsn }, b, { now: REPORTED }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, step: 'address', error: 'already_reported' }])
  })
})

describe('an address investigation', () => {
  it('puts the case on its check step, writes the declarant and the adult co-mover a plain letter, and changes nothing', async () => {
    const home = (await at('Zuiderdiep', 18)).id
    const { declarant, people } = await household(home, [
      { relation: 'partner', birthDate: '1982-02-02' },
      { relation: 'child', birthDate: '2019-05-05' },
    ])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 22), [0, 1])
    const later = new Date('2026-12-02T09:00:00Z')
    expect(await startAddressInvestigation(caseworker, moved.requestId, { now: later })).toEqual({ ok: true, told: 2 })
    expect(await startAddressInvestigation(caseworker, moved.requestId, { now: later })).toEqual({
      ok: false,
      error: 'investigation_running',
    })
    const letters = (await lettersOf(moved.caseId)).filter((l) => l.template_code === 'move_address_investigation')
    expect(letters.map((l) => [l.bsn, l.letter_date, l.title])).toEqual([
      [declarant.bsn, '2026-12-02', 'Wij onderzoeken uw nieuwe adres'],
      [people[0].bsn, '2026-12-02', 'Wij onderzoeken uw nieuwe adres'],
    ])
    const kase = await db
      .selectFrom('cases')
      .select(['status', 'current_step'])
      .where('id', '=', moved.caseId)
      .executeTakeFirstOrThrow()
    expect(kase).toEqual({ status: 'open', current_step: 'controle' })
    expect(await addressOf(declarant.bsn)).toBe(home)
    expect((await getMoveRequestForCaseworker(caseworker, moved.requestId))?.state).toBe('investigating')
    expect(await getMoveForCitizenCase({ bsn: people[0].bsn }, moved.caseId)).toMatchObject({
      state: 'investigating',
      investigationSince: '2026-12-02',
    })
    // Afterwards the caseworker decides as usual: here a refusal, with letters to both adults.
    expect(await refuseMove(caseworker, moved.requestId, 'Op dit adres woont u niet.', { now: later })).toMatchObject({
      ok: true,
    })
    const refusals = (await lettersOf(moved.caseId)).filter((l) =>
      ['decision_notice', 'move_co_mover_decided'].includes(l.template_code),
    )
    expect(refusals.map((l) => [l.bsn, l.template_code])).toEqual([
      [declarant.bsn, 'decision_notice'],
      [people[0].bsn, 'move_co_mover_decided'],
    ])
    expect(await addressOf(people[1].bsn)).toBe(home)
  })
})

describe('withdrawing a move', () => {
  it('closes the case as withdrawn before a decision, with a letter to the declarant and one to the partner', async () => {
    const home = (await at('Zuiderdiep', 19)).id
    const { declarant, people } = await household(home, [{ relation: 'partner', birthDate: '1982-02-02' }])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 24), [0])
    expect(await getMoveForCitizenCase({ bsn: declarant.bsn }, moved.caseId)).toMatchObject({ canWithdraw: true })
    // Only the declarant withdraws; the partner is told to call.
    expect(await withdrawMove({ bsn: people[0].bsn }, moved.caseId, { now: REPORTED })).toEqual({
      ok: false,
      error: 'not_declarant',
    })
    expect(await withdrawMove({ bsn: declarant.bsn }, moved.caseId, { now: REPORTED })).toEqual({
      ok: true,
      reference: moved.reference,
    })
    const kase = await db
      .selectFrom('cases')
      .select(['status', 'outcome'])
      .where('id', '=', moved.caseId)
      .executeTakeFirstOrThrow()
    expect(kase).toEqual({ status: 'closed', outcome: 'withdrawn' })
    // Both letters come from one transaction (the same created_at): in the order of their templates.
    const letters = (await lettersOf(moved.caseId))
      .filter((l) => ['decision_notice', 'move_co_mover_decided'].includes(l.template_code))
      .sort((a, b) => a.template_code.localeCompare(b.template_code))
    expect(letters.map((l) => [l.bsn, l.template_code, l.title])).toEqual([
      [declarant.bsn, 'decision_notice', 'U heeft uw verhuismelding ingetrokken'],
      [people[0].bsn, 'move_co_mover_decided', 'De verhuizing is ingetrokken'],
    ])
    expect(await withdrawMove({ bsn: declarant.bsn }, moved.caseId, { now: REPORTED })).toEqual({
      ok: false,
      error: 'already_decided',
    })
    // Neither can be approved any more, and a new move may be reported.
    expect(await approveMove(caseworker, moved.requestId, { now: REPORTED })).toEqual({
      ok: false,
      error: 'already_decided',
    })
    expect(await getBlockingMove({ bsn: people[0].bsn })).toBeNull()
  })

  it('cannot be done after approval: the service refuses it', async () => {
    const home = (await at('Zuiderdiep', 20)).id
    const { declarant } = await household(home, [])
    const moved = await reportMove(declarant.bsn, await at('Korreweg', 25), [])
    await approveMove(caseworker, moved.requestId, { now: REPORTED })
    expect(await withdrawMove({ bsn: declarant.bsn }, moved.caseId, { now: REPORTED })).toEqual({
      ok: false,
      error: 'already_decided',
    })
    expect(await getMoveForCitizenCase({ bsn: declarant.bsn }, moved.caseId)).toMatchObject({
      state: 'scheduled',
      canWithdraw: false,
    })
  })

  it('refuses a malformed or unknown case id the same way', async () => {
    expect(await withdrawMove({ bsn: jan.bsn }, 'not-a-uuid', { now: REPORTED })).toEqual({
      ok: false,
      error: 'not_found',
    })
    expect(await withdrawMove({ bsn: jan.bsn }, '00000000-0000-4000-8000-000000000000', { now: REPORTED })).toEqual({
      ok: false,
      error: 'not_found',
    })
  })
})
