import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { type CaseEvent } from '~/domain/case-terms'
import { deriveCaseState } from '~/domain/case-history'
import { addDays, todayIn } from '~/domain/local-date'
import { getCaseForCaseworker, listCasesForCaseworker } from '~/services/cases/caseworker.server'
import { getCaseForCitizen, getOverviewForCitizen, listCasesForCitizen } from '~/services/cases/citizen.server'
import { receiveCase, recordCaseEvent, type ReceiveCaseInput } from '~/services/cases/record.server'
import { holidayCalendar } from '~/services/calendar.server'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { daysAgoAt, seedDemoCases } from '../../server/seed/cases'
import { personaByKey } from '../../db/seed/personas'
import { createCase, createPerson } from '../support/factories'

// A fixed clock: Wednesday 4 March 2026, 10:00 in Amsterdam. Nothing here reads the wall clock.
const NOW = new Date('2026-03-04T09:00:00Z')
const TODAY = todayIn(NOW)
let db: DB

beforeAll(() => {
  db = getDb()
})

const counts = async () => {
  const one = async (table: 'cases' | 'case_events') =>
    (
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n
  return { cases: await one('cases'), events: await one('case_events') }
}

const receiveInput = (bsn: string, overrides: Partial<ReceiveCaseInput> = {}): ReceiveCaseInput => ({
  caseTypeCode: 'omgevingsvergunning',
  bsn,
  subject: 'Dakkapel',
  channel: 'post',
  receivedOn: TODAY,
  source: 'zaaksysteem',
  sourceEventId: `ev-${Math.random().toString(36).slice(2)}`,
  actor: 'system:zaaksysteem',
  occurredAt: NOW,
  now: NOW,
  ...overrides,
})

describe('receiveCase', () => {
  it('registers a case with a Z-year-number reference, its received event and the derived terms', async () => {
    const person = await createPerson(db)
    const result = await receiveCase(receiveInput(person.bsn, { externalId: 'ZS-9001' }), db)
    expect(result).toMatchObject({ ok: true, duplicate: false, seq: 1, type: 'received' })
    if (!result.ok) throw new Error('refused')
    expect(result.reference).toMatch(/^Z-2026-\d{6}$/)
    const row = await db.selectFrom('cases').selectAll().where('id', '=', result.caseId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      bsn: person.bsn,
      status: 'open',
      current_step: 'ontvangen',
      received_on: '2026-03-04',
      // 5 working days from the day after receipt (quality charter): Wednesday 11 March
      ack_due_on: '2026-03-11',
      // 8 weeks (Awb 4:13): Wednesday 29 April
      decision_due_on: '2026-04-29',
      extended: false,
      last_event_seq: 1,
      contact_employee_id: 'E1001', // the case type's default contact
      external_id: 'ZS-9001',
      source: 'zaaksysteem',
    })
  })

  it('answers the same event again with the first result and writes nothing', async () => {
    const person = await createPerson(db)
    const input = receiveInput(person.bsn)
    const first = await receiveCase(input, db)
    const before = await counts()
    const again = await receiveCase(input, db)
    expect(again).toEqual({ ...first, duplicate: true })
    expect(await counts()).toEqual(before)
  })

  it('creates exactly one case when the same event arrives five times at once', async () => {
    const person = await createPerson(db)
    const input = receiveInput(person.bsn, { externalId: 'ZS-RACE' })
    const before = await counts()
    const results = await Promise.all(Array.from({ length: 5 }, () => receiveCase(input, db)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => r.ok && r.caseId)).size).toBe(1)
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
    expect(await counts()).toEqual({ cases: before.cases + 1, events: before.events + 1 })
  })

  it('refuses, writing nothing: an invalid BSN, an unknown person, an unknown case type, a date in the future', async () => {
    const person = await createPerson(db)
    const before = await counts()
    expect(await receiveCase(receiveInput('123456789'), db)).toEqual({ ok: false, code: 'invalid_bsn', field: 'bsn' })
    expect(await receiveCase(receiveInput('999990135'), db)).toEqual({
      ok: false,
      code: 'person_not_found',
      field: 'bsn',
    })
    expect(await receiveCase(receiveInput(person.bsn, { caseTypeCode: 'hondenbelasting' }), db)).toEqual({
      ok: false,
      code: 'unknown_case_type',
      field: 'caseType',
    })
    expect(await receiveCase(receiveInput(person.bsn, { receivedOn: addDays(TODAY, 1) }), db)).toEqual({
      ok: false,
      code: 'received_in_future',
      field: 'receivedOn',
    })
    expect(await receiveCase(receiveInput(person.bsn, { contactEmployeeId: 'E9999' }), db)).toEqual({
      ok: false,
      code: 'unknown_employee',
      field: 'contactEmployeeId',
    })
    expect(await counts()).toEqual(before)
  })

  it('refuses a second case under an external id the source already used, as a conflict', async () => {
    const person = await createPerson(db)
    await receiveCase(receiveInput(person.bsn, { externalId: 'ZS-TWICE' }), db)
    const before = await counts()
    expect(await receiveCase(receiveInput(person.bsn, { externalId: 'ZS-TWICE' }), db)).toEqual({
      ok: false,
      code: 'external_id_taken',
      field: 'externalId',
    })
    expect(await counts()).toEqual(before)
  })
})

describe('inside a caller’s transaction (a move or correction request with its case)', () => {
  it('commits and rolls back with the caller, and a duplicate there leaves the caller’s work intact', async () => {
    const person = await createPerson(db)
    const before = await counts()
    await expect(
      db.transaction().execute(async (trx) => {
        const r = await receiveCase(receiveInput(person.bsn, { sourceEventId: 'nested-1' }), trx)
        expect(r.ok).toBe(true)
        throw new Error('the caller changes its mind')
      }),
    ).rejects.toThrow('the caller changes its mind')
    expect(await counts()).toEqual(before)

    const first = await receiveCase(receiveInput(person.bsn, { sourceEventId: 'nested-2' }), db)
    const result = await db.transaction().execute(async (trx) => {
      const again = await receiveCase(receiveInput(person.bsn, { sourceEventId: 'nested-2' }), trx)
      const step = first.ok
        ? await recordCaseEvent(
            {
              case: { caseId: first.caseId },
              event: { type: 'step_reached', step: 'volledigheid' },
              source: 'portal',
              sourceEventId: 'nested-3',
              actor: 'employee:E1001',
              occurredAt: NOW,
              now: NOW,
            },
            trx,
          )
        : null
      return { again, step }
    })
    expect(result.again).toEqual({ ...first, duplicate: true })
    expect(result.step).toMatchObject({ ok: true, seq: 2 })
  })
})

describe('recordCaseEvent', () => {
  const event = (
    caseId: string,
    e: Parameters<typeof recordCaseEvent>[0]['event'],
    daysLater = 1,
    id = Math.random().toString(36),
  ) =>
    recordCaseEvent(
      {
        case: { caseId },
        event: e,
        source: 'portal',
        sourceEventId: id,
        actor: 'employee:E1001',
        occurredAt: new Date(NOW.getTime() + daysLater * 86_400_000),
        now: NOW,
      },
      db,
    )

  it('moves the case to a next step and numbers the event after the last', async () => {
    const person = await createPerson(db)
    const { caseId } = await createCase(db, { bsn: person.bsn, now: NOW })
    const result = await event(caseId, { type: 'step_reached', step: 'volledigheid' })
    expect(result).toMatchObject({ ok: true, duplicate: false, seq: 2, type: 'step_reached' })
    const row = await db
      .selectFrom('cases')
      .select(['current_step', 'last_event_seq'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ current_step: 'volledigheid', last_event_seq: 2 })
  })

  it('finds a case by its public reference and by the source system’s own id', async () => {
    const person = await createPerson(db)
    const { reference } = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      source: 'zaaksysteem',
      externalId: 'ZS-BYREF',
    })
    const base = { source: 'zaaksysteem', actor: 'system:zaaksysteem', occurredAt: NOW, now: NOW }
    expect(
      await recordCaseEvent(
        { ...base, case: { reference }, event: { type: 'step_reached', step: 'volledigheid' }, sourceEventId: 'r1' },
        db,
      ),
    ).toMatchObject({ ok: true, seq: 2 })
    expect(
      await recordCaseEvent(
        {
          ...base,
          case: { source: 'zaaksysteem', externalId: 'ZS-BYREF' },
          event: { type: 'step_reached', step: 'beoordeling' },
          sourceEventId: 'r2',
        },
        db,
      ),
    ).toMatchObject({ ok: true, seq: 3 })
    expect(
      await recordCaseEvent(
        { ...base, case: { source: 'other', externalId: 'ZS-BYREF' }, event: { type: 'closed' }, sourceEventId: 'r3' },
        db,
      ),
    ).toEqual({
      ok: false,
      code: 'case_not_found',
      field: 'case',
    })
  })

  it('records the same event only once, also when five copies race', async () => {
    const person = await createPerson(db)
    const { caseId } = await createCase(db, { bsn: person.bsn, now: NOW })
    const before = await counts()
    const results = await Promise.all(
      Array.from({ length: 5 }, () => event(caseId, { type: 'step_reached', step: 'volledigheid' }, 1, 'same-id')),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => r.ok && r.eventId)).size).toBe(1)
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1)
    expect(await counts()).toEqual({ cases: before.cases, events: before.events + 1 })
  })

  it('writes different events on one case one after another, without gaps in the sequence', async () => {
    const person = await createPerson(db)
    const { caseId } = await createCase(db, { bsn: person.bsn, now: NOW })
    const results = await Promise.all([
      event(caseId, { type: 'extended', reason: 'Advies nodig' }, 1),
      event(caseId, { type: 'step_reached', step: 'beoordeling' }, 1),
    ])
    expect(results.map((r) => r.ok && r.seq).sort()).toEqual([2, 3])
    const seqs = await db.selectFrom('case_events').select('seq').where('case_id', '=', caseId).orderBy('seq').execute()
    expect(seqs.map((s) => s.seq)).toEqual([1, 2, 3])
  })

  it('keeps the projection equal to the replayed history through suspension, extension, decision and closing', async () => {
    const person = await createPerson(db)
    const { caseId } = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      receivedDaysAgo: 30,
      events: [
        { daysAgo: 28, type: 'step_reached', step: 'volledigheid' },
        { daysAgo: 25, type: 'suspended', information: 'Bouwtekening', respondBy: addDays(TODAY, -11) },
        { daysAgo: 15, type: 'resumed' },
        { daysAgo: 10, type: 'extended', reason: 'Welstandsadvies' },
      ],
    })
    const check = async () => {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow()
      const stored = await db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute()
      const events = stored.map(
        (e) => ({ seq: e.seq, type: e.type, occurredAt: e.occurred_at, payload: e.payload }) as CaseEvent,
      )
      const rules = {
        code: 'omgevingsvergunning',
        leadTime: { amount: 8, unit: 'weeks' as const },
        extension: { amount: 6, unit: 'weeks' as const },
        suspensionAllowed: true,
        steps: [
          { code: 'ontvangen', final: false },
          { code: 'volledigheid', final: false },
          { code: 'beoordeling', final: false },
          { code: 'besluit', final: true },
        ],
      }
      const state = deriveCaseState(rules, events, TODAY, holidayCalendar())
      expect(row).toMatchObject({
        status: state.status,
        current_step: state.currentStep,
        ack_due_on: state.acknowledgementDueOn,
        decision_due_on: state.decisionDueOn,
        extended: state.extended,
        outcome: state.outcome,
        decided_on: state.decidedOn,
        closed_on: state.closedOn,
        term_from: state.termFrom,
        last_event_seq: events.length,
      })
      return row
    }
    const extended = await check()
    // received 2 Feb + 8 weeks = 30 March; suspended 10 days (7 → 17 Feb); extended 6 weeks → 21 May
    expect(extended.decision_due_on).toBe('2026-05-21')
    expect(extended.extended).toBe(true)
    expect(
      await event(
        caseId,
        { type: 'decided', outcome: 'granted', summary: 'Vergunning verleend', reasons: 'Past in het plan' },
        -1,
      ),
    ).toMatchObject({ ok: true })
    expect(await check()).toMatchObject({
      status: 'decided',
      current_step: 'besluit',
      outcome: 'granted',
      decided_on: '2026-03-03',
    })
    expect(await event(caseId, { type: 'closed' }, 0)).toMatchObject({ ok: true })
    expect(await check()).toMatchObject({ status: 'closed', closed_on: '2026-03-04' })
  })

  it('refuses what the rules forbid, naming the field, and writes nothing', async () => {
    const person = await createPerson(db)
    const permit = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 5 })
    const move = await createCase(db, { bsn: person.bsn, now: NOW, caseTypeCode: 'verhuizing', receivedDaysAgo: 5 })
    const done = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      receivedDaysAgo: 5,
      events: [
        { daysAgo: 3, type: 'decided', outcome: 'refused', reasons: 'Te hoog', citizenOptions: 'Opnieuw aanvragen' },
        { daysAgo: 2, type: 'closed' },
      ],
    })
    await event(permit.caseId, { type: 'extended', reason: 'Eerste keer' }, 0, 'first-extension')
    const before = await counts()
    expect(await event(permit.caseId, { type: 'step_reached', step: 'gesprek' })).toEqual({
      ok: false,
      code: 'unknown_step',
      field: 'step',
    })
    expect(await event(permit.caseId, { type: 'extended', reason: 'Nog een keer' })).toEqual({
      ok: false,
      code: 'already_extended',
    })
    expect(await event(move.caseId, { type: 'extended', reason: 'Drukte' })).toEqual({
      ok: false,
      code: 'extension_not_allowed',
    })
    expect(await event(done.caseId, { type: 'step_reached', step: 'beoordeling' })).toEqual({
      ok: false,
      code: 'case_closed',
    })
    expect(await event(permit.caseId, { type: 'resumed' })).toEqual({ ok: false, code: 'not_suspended' })
    expect(await event(permit.caseId, { type: 'closed' })).toEqual({ ok: false, code: 'not_decided' })
    expect(await event(permit.caseId, { type: 'suspended', information: 'x', respondBy: TODAY }, 0)).toEqual({
      ok: false,
      code: 'invalid_respond_by',
      field: 'respondBy',
    })
    expect(await event(permit.caseId, { type: 'step_reached', step: 'volledigheid' }, -2)).toEqual({
      ok: false,
      code: 'out_of_order',
    })
    expect(await event('00000000-0000-4000-8000-000000000000', { type: 'closed' })).toEqual({
      ok: false,
      code: 'case_not_found',
      field: 'case',
    })
    expect(await event('not-a-uuid', { type: 'closed' })).toEqual({ ok: false, code: 'case_not_found', field: 'case' })
    // Awb 3:46: a decision without its reasons, a refusal without what the citizen can do now.
    expect(await event(permit.caseId, { type: 'decided', outcome: 'granted', summary: 'Verleend' })).toEqual({
      ok: false,
      code: 'reasons_required',
      field: 'reasons',
    })
    expect(await event(permit.caseId, { type: 'decided', outcome: 'refused', reasons: 'Te hoog' })).toEqual({
      ok: false,
      code: 'citizen_options_required',
      field: 'citizenOptions',
    })
    expect(await counts()).toEqual(before)
  })
})

describe('what the citizen sees', () => {
  it('answers another citizen’s case, an unknown id and a malformed id alike: not found', async () => {
    const owner = await createPerson(db)
    const other = await createPerson(db)
    const { caseId } = await createCase(db, { bsn: owner.bsn, now: NOW })
    expect(await getCaseForCitizen(owner.bsn, caseId, 'nl', TODAY, db)).not.toBeNull()
    expect(await getCaseForCitizen(other.bsn, caseId, 'nl', TODAY, db)).toBeNull()
    expect(await getCaseForCitizen(owner.bsn, '00000000-0000-4000-8000-000000000000', 'nl', TODAY, db)).toBeNull()
    expect(await getCaseForCitizen(owner.bsn, "1' or '1'='1", 'nl', TODAY, db)).toBeNull()
    expect(await getCaseForCitizen(owner.bsn, 'Z-2026-000001', 'nl', TODAY, db)).toBeNull()
  })

  it('shows the steps with their dates, the date that moved and why, and the contact person', async () => {
    const person = await createPerson(db)
    const { caseId } = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      receivedDaysAgo: 20,
      events: [
        { daysAgo: 18, type: 'step_reached', step: 'volledigheid' },
        { daysAgo: 4, type: 'suspended', information: 'Een bouwtekening met maten', respondBy: addDays(TODAY, 10) },
      ],
    })
    const view = await getCaseForCitizen(person.bsn, caseId, 'en', TODAY, db)
    expect(view).not.toBeNull()
    expect(view!.steps.map((s) => [s.code, s.state, s.reachedOn])).toEqual([
      ['ontvangen', 'done', '2026-02-12'],
      ['volledigheid', 'current', '2026-02-14'],
      ['beoordeling', 'upcoming', null],
      ['besluit', 'upcoming', null],
    ])
    expect(view!.steps[1].name).toBe('Completeness check')
    expect(view!.caseType).toBe('Environmental permit')
    expect(view!.actionNeeded).toBe(true)
    expect(view!.informationRequested).toEqual({
      information: 'Een bouwtekening met maten',
      respondBy: addDays(TODAY, 10),
      since: '2026-02-28',
    })
    // received 12 Feb + 8 weeks = 9 April; 4 days suspended so far → 13 April, provisional
    expect(view!.originalDecisionDueOn).toBe('2026-04-09')
    expect(view!.decisionDueOn).toBe('2026-04-13')
    expect(view!.decisionDueIsProvisional).toBe(true)
    expect(view!.dateMoves).toEqual([
      {
        kind: 'suspended',
        from: '2026-02-28',
        to: null,
        days: 4,
        newDate: '2026-04-13',
        information: 'Een bouwtekening met maten',
      },
    ])
    expect(view!.contact).toEqual({ name: 'Mirjam Kuipers', phone: '050 367 1001', department: 'Vergunningen' })
  })

  it('lists open cases first, those needing action at the top, then finished ones most recent first', async () => {
    const person = await createPerson(db)
    const later = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 1, subject: 'later' })
    const sooner = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 10, subject: 'sooner' })
    const waiting = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      receivedDaysAgo: 2,
      subject: 'waiting',
      events: [{ daysAgo: 1, type: 'suspended', information: 'Loonstrook', respondBy: addDays(TODAY, 7) }],
    })
    const finished = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      receivedDaysAgo: 20,
      subject: 'finished',
      events: [{ daysAgo: 5, type: 'decided', outcome: 'granted', reasons: 'Past in het plan' }],
    })
    const list = await listCasesForCitizen(person.bsn, 'nl', TODAY, db)
    expect(list.open.map((c) => c.id)).toEqual([waiting.caseId, sooner.caseId, later.caseId])
    expect(list.open[0]).toMatchObject({ actionNeeded: true, respondBy: addDays(TODAY, 7), status: 'suspended' })
    expect(list.finished.map((c) => c.id)).toEqual([finished.caseId])
    expect(list.finished[0]).toMatchObject({ status: 'decided', outcome: 'granted', currentStepName: 'Besluit' })
  })

  it('gives the overview: what needs action, unread letters and the next date that matters', async () => {
    const person = await createPerson(db)
    const open = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 10 })
    const waiting = await createCase(db, {
      bsn: person.bsn,
      now: NOW,
      receivedDaysAgo: 2,
      caseTypeCode: 'wmo',
      events: [{ daysAgo: 1, type: 'suspended', information: 'Verklaring huisarts', respondBy: addDays(TODAY, 7) }],
    })
    // A letter as the letters service would write it (unread), and one already read.
    const [eventRow] = await db.selectFrom('case_events').select('id').where('case_id', '=', open.caseId).execute()
    for (const read_at of [null, NOW]) {
      await db
        .insertInto('letters')
        .values({
          case_id: open.caseId,
          event_id: eventRow.id,
          bsn: person.bsn,
          template_code: `test-${read_at ? 'read' : 'unread'}`,
          template_version: 1,
          language: 'nl',
          title: 'Ontvangstbevestiging',
          content: JSON.stringify({}),
          letter_date: TODAY,
          delivery: 'digital',
          read_at,
        })
        .execute()
    }
    const overview = await getOverviewForCitizen(person.bsn, 'nl', TODAY, db)
    expect(overview.actionNeeded).toEqual([
      {
        id: waiting.caseId,
        reference: waiting.reference,
        caseType: 'Wmo-voorziening',
        subject: 'Testaanvraag',
        information: 'Verklaring huisarts',
        respondBy: addDays(TODAY, 7),
      },
    ])
    expect(overview.openCount).toBe(2)
    expect(overview.unreadLetters).toBeGreaterThanOrEqual(1)
    const unreadInDb = await db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('bsn', '=', person.bsn)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow()
    expect(overview.unreadLetters).toBe(unreadInDb.n)
    expect(overview.nextDate).toMatchObject({ kind: 'respond_by', date: addDays(TODAY, 7), caseId: waiting.caseId })
    const view = await getCaseForCitizen(person.bsn, open.caseId, 'nl', TODAY, db)
    expect(view!.letters.some((l) => l.title === 'Ontvangstbevestiging' && l.read === false)).toBe(true)
  })
})

describe('what the caseworker sees', () => {
  it('puts overdue cases first, then those at risk, and offers only the actions the rules allow', async () => {
    const person = await createPerson(db)
    const overdue = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 70, contactEmployeeId: 'E1002' })
    const atRisk = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 54, contactEmployeeId: 'E1002' })
    const fresh = await createCase(db, { bsn: person.bsn, now: NOW, receivedDaysAgo: 0, contactEmployeeId: 'E1002' })
    const mine = await listCasesForCaseworker({ employeeId: 'E1002', mine: true }, { lang: 'nl', today: TODAY, db })
    const ids = mine.map((c) => c.id)
    expect(ids.indexOf(overdue.caseId)).toBeLessThan(ids.indexOf(atRisk.caseId))
    expect(ids.indexOf(atRisk.caseId)).toBeLessThan(ids.indexOf(fresh.caseId))
    expect(mine.find((c) => c.id === overdue.caseId)).toMatchObject({ risk: 'overdue', overdue: true })
    expect(mine.find((c) => c.id === atRisk.caseId)).toMatchObject({ risk: 'at_risk' })
    expect(mine.every((c) => c.contactName === 'Henk Drenth')).toBe(true)

    const detail = await getCaseForCaseworker(overdue.caseId, {
      lang: 'nl',
      now: NOW,
      viewer: { employeeId: 'E1002' },
      db,
    })
    // The term has passed: no extension or suspension any more (Awb 4:14, 4:15), a decision still.
    expect(detail!.possible).toMatchObject({ extend: false, suspend: false, decide: true, close: false, resume: false })
    expect(detail!.possible.nextSteps.map((s) => s.code)).toEqual(['volledigheid', 'beoordeling'])
    expect(detail!.citizen.maskedBsn).toBe(`*****${person.bsn.slice(-4)}`)
    const freshDetail = await getCaseForCaseworker(fresh.caseId, { lang: 'nl', now: NOW, db })
    expect(freshDetail!.possible).toMatchObject({ extend: true, suspend: true })
    // Opening a citizen's case is audited, with the employee and the case, for "who viewed my data".
    const audit = await db.selectFrom('audit_log').selectAll().where('subject_bsn', '=', person.bsn).execute()
    expect(audit).toEqual([
      expect.objectContaining({
        actor_kind: 'staff',
        actor_id: 'E1002',
        action: 'case.viewed',
        resource: `case:${overdue.reference}`,
      }),
    ])
  })
})

describe('the demo cases', () => {
  it('cover every state on several case types and channels, dated relative to now', async () => {
    await seedPersonas(db)
    const now = new Date('2026-11-28T15:00:00Z')
    const played = await seedDemoCases(db, now)
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .where(
        'id',
        'in',
        played.map((p) => p.caseId),
      )
      .execute()
    const statuses = new Set(rows.map((r) => r.status))
    expect([...statuses].sort()).toEqual(['closed', 'decided', 'open', 'suspended'])
    expect(rows.some((r) => r.extended)).toBe(true)
    expect(rows.some((r) => r.status === 'open' && r.decision_due_on < todayIn(now))).toBe(true)
    expect(rows.some((r) => r.received_on === todayIn(now))).toBe(true)
    expect(new Set(rows.map((r) => r.case_type_code)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(rows.map((r) => r.channel)).size).toBeGreaterThanOrEqual(4)
    const jan = await listCasesForCitizen(personaByKey('jan').bsn, 'nl', todayIn(now), db)
    expect(jan.open.length).toBeGreaterThanOrEqual(2)
    expect(jan.finished.length).toBeGreaterThanOrEqual(1)
    expect(daysAgoAt(now, 0)).toBe(now)
  })
})
