import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '../../db/instance'
import { seedPersonas } from '../../db/seed'
import { personaByKey } from '../../db/seed/personas'
import { todayIn } from '~/domain/local-date'
import {
  acceptCorrection,
  getCorrectionForCaseworker,
  refuseCorrection,
} from '~/services/requests/correction-review.server'
import {
  getCorrectionDraft,
  getCorrectionForm,
  saveCorrectionDraft,
  submitCorrection,
} from '~/services/requests/corrections.server'
import { getPersonView } from '~/services/requests/my-data.server'
import { EVENT_TYPES } from '~/services/outbound.server'
import { plainPng } from '../support/upload-files'

const kees = personaByKey('kees')
const mehmet = personaByKey('mehmet')
const truus = personaByKey('truus')
const caseworker = { employeeId: 'E1003' }
const now = new Date()
const png = plainPng()

beforeAll(async () => {
  await seedPersonas(getDb())
})

async function submitted(
  bsn: string,
  input: { field: string; proposedValue: string; explanation: string },
  evidence: { name: string; bytes: Uint8Array } | null = null,
) {
  const saved = await saveCorrectionDraft(
    { bsn },
    null,
    input,
    evidence ? { name: evidence.name, size: evidence.bytes.byteLength, bytes: evidence.bytes } : null,
    { now },
  )
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors))
  const sent = await submitCorrection({ bsn }, saved.id, { now })
  if (!sent.ok) throw new Error(JSON.stringify(sent))
  return { id: saved.id, ...sent }
}

describe('a correction request (Wet BRP art. 2.58)', () => {
  it('shows the form with the values the register holds, audited as a view', async () => {
    const form = await getCorrectionForm({ bsn: kees.bsn }, null, { now })
    expect(form.items.find((i) => i.field === 'given_names')).toEqual({ field: 'given_names', current: 'Kees' })
    expect(form.draft).toBeNull()
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'resource'])
      .where('subject_bsn', '=', kees.bsn)
      .execute()
    expect(audit).toContainEqual({ action: 'personal_data.viewed', resource: 'mijn/gegevens/correctie' })
  })

  it('returns every problem of the form at once, the file included', async () => {
    const result = await saveCorrectionDraft(
      { bsn: kees.bsn },
      null,
      { field: 'surname', proposedValue: '', explanation: '' },
      { name: 'x.pdf', size: 4, bytes: new TextEncoder().encode('text') },
      { now },
    )
    expect(result).toEqual({
      ok: false,
      keptEvidence: null,
      errors: [
        { field: 'proposedValue', error: 'required' },
        { field: 'explanation', error: 'required' },
        { field: 'evidence', error: 'wrong_type' },
      ],
    })
  })

  it('keeps the evidence of a draft when the form comes back without a new file, and drops it when asked', async () => {
    const input = {
      field: 'birth_place',
      proposedValue: 'Ankara (Turkije)',
      explanation: 'Mijn geboorteplaats is niet volledig.',
    }
    const first = await saveCorrectionDraft(
      { bsn: mehmet.bsn },
      null,
      input,
      { name: 'paspoort.png', size: png.byteLength, bytes: png },
      { now },
    )
    if (!first.ok) throw new Error('refused')
    expect((await getCorrectionDraft({ bsn: mehmet.bsn }, first.id, { now }))?.evidence).toEqual({
      name: 'paspoort.png',
      type: 'image/png',
      size: png.byteLength,
    })
    const again = await saveCorrectionDraft(
      { bsn: mehmet.bsn },
      first.id,
      { ...input, explanation: 'Mijn geboorteplaats is niet helemaal goed.' },
      null,
      { now },
    )
    expect(again).toEqual({ ok: true, id: first.id })
    expect((await getCorrectionDraft({ bsn: mehmet.bsn }, first.id, { now }))?.evidence?.name).toBe('paspoort.png')
    await saveCorrectionDraft({ bsn: mehmet.bsn }, first.id, input, null, { now, removeEvidence: true })
    expect((await getCorrectionDraft({ bsn: mehmet.bsn }, first.id, { now }))?.evidence).toBeNull()
    // Someone else's draft is not found.
    expect(await getCorrectionDraft({ bsn: kees.bsn }, first.id, { now })).toBeNull()
  })

  it('accepted: the data corrected with the old value kept, the case decided and closed with letters, an event for the subscribers, audited', async () => {
    const db = getDb()
    await db
      .insertInto('subscriptions')
      .values({
        id: 'test-belastingen',
        name: 'Belastingen (test)',
        event_types: [EVENT_TYPES.personCorrected],
        endpoint_url: 'http://127.0.0.1:9/events',
        secret: 's',
      })
      .execute()
    const request = await submitted(
      kees.bsn,
      { field: 'given_names', proposedValue: 'Kees Jan', explanation: 'Mijn tweede voornaam ontbreekt.' },
      { name: 'akte.png', bytes: png },
    )
    const kase = await db.selectFrom('cases').selectAll().where('id', '=', request.caseId).executeTakeFirstOrThrow()
    expect(kase).toMatchObject({ case_type_code: 'brp_correctie', status: 'open', channel: 'internet' })
    // Wet BRP art. 2.58: decided within 4 weeks (the case type's lead time; a term ending on a non-working day moves on).
    expect(kase.decision_due_on >= todayIn(new Date(now.getTime() + 27 * 86_400_000))).toBe(true)

    const detail = await getCorrectionForCaseworker(caseworker, request.id)
    expect(detail).toMatchObject({
      field: 'given_names',
      currentValue: 'Kees',
      registerValue: 'Kees',
      proposedValue: 'Kees Jan',
      hasEvidence: true,
    })

    expect(await acceptCorrection(caseworker, request.id, { now })).toEqual({ ok: true })
    expect(await acceptCorrection(caseworker, request.id, { now })).toEqual({ ok: false, error: 'already_decided' })
    expect(
      (await db.selectFrom('persons').select('given_names').where('bsn', '=', kees.bsn).executeTakeFirstOrThrow())
        .given_names,
    ).toBe('Kees Jan')
    expect(
      await db
        .selectFrom('person_changes')
        .select(['field', 'old_value', 'new_value', 'source', 'case_id', 'actor'])
        .where('bsn', '=', kees.bsn)
        .execute(),
    ).toEqual([
      {
        field: 'given_names',
        old_value: 'Kees',
        new_value: 'Kees Jan',
        source: 'correctie',
        case_id: request.caseId,
        actor: 'employee:E1003',
      },
    ])
    expect(
      await db
        .selectFrom('cases')
        .select(['status', 'outcome'])
        .where('id', '=', request.caseId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'closed', outcome: 'granted' })
    const letters = await db
      .selectFrom('letters')
      .select('template_code')
      .where('case_id', '=', request.caseId)
      .orderBy('created_at')
      .execute()
    expect(letters.map((l) => l.template_code).sort()).toEqual(['acknowledgement', 'correction_decision'])
    const events = await db
      .selectFrom('outbound_events')
      .select(['event_type', 'subscription_id', 'payload', 'status'])
      .where('case_id', '=', request.caseId)
      .execute()
    expect(events).toEqual([
      {
        event_type: EVENT_TYPES.personCorrected,
        subscription_id: 'test-belastingen',
        status: 'pending',
        payload: expect.objectContaining({ data: { bsn: kees.bsn, gegeven: 'given_names' } }),
      },
    ])
    const jobs = await sql<{
      n: number
    }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'outbound_deliver'`.execute(db)
    expect(jobs.rows[0].n).toBeGreaterThanOrEqual(1)
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind', 'actor_id'])
      .where('subject_bsn', '=', kees.bsn)
      .where('action', 'in', ['correction.requested', 'personal_data.corrected'])
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'correction.requested', actor_kind: 'citizen', actor_id: 'citizen' },
      { action: 'personal_data.corrected', actor_kind: 'staff', actor_id: 'E1003' },
    ])
    // "Mijn gegevens" shows the new name, last updated today.
    const view = await getPersonView({ bsn: kees.bsn }, { now })
    expect(view.name.value.givenNames).toBe('Kees Jan')
    expect(view.name.updatedOn).toBe(todayIn(now))
    await db.updateTable('subscriptions').set({ active: false }).where('id', '=', 'test-belastingen').execute()
  })

  it('refuses to decide when the register changed since the request: the caseworker must look again', async () => {
    const db = getDb()
    const request = await submitted(truus.bsn, {
      field: 'birth_place',
      proposedValue: 'Winsum (Gr)',
      explanation: 'Het is Winsum in Groningen.',
    })
    await db.updateTable('persons').set({ birth_place: 'Winsum (Groningen)' }).where('bsn', '=', truus.bsn).execute()
    expect(await acceptCorrection(caseworker, request.id, { now })).toEqual({ ok: false, error: 'register_changed' })
    expect(
      await refuseCorrection(caseworker, request.id, 'Wij hebben uw geboorteplaats al aangepast.', { now }),
    ).toEqual({
      ok: true,
    })
    const row = await db
      .selectFrom('correction_requests')
      .select(['status', 'decision_reason'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'refused', decision_reason: 'Wij hebben uw geboorteplaats al aangepast.' })
  })

  it('refuses every write while a support employee views as the citizen (read-only)', async () => {
    const actor = { bsn: kees.bsn, impersonatedBy: { employeeId: 'E2001' } }
    await expect(
      saveCorrectionDraft(
        actor,
        null,
        { field: 'surname', proposedValue: 'Smid', explanation: 'Test test test' },
        null,
        { now },
      ),
    ).rejects.toThrow(/read-only/)
    await expect(submitCorrection(actor, null, { now })).rejects.toThrow(/read-only/)
  })
})
