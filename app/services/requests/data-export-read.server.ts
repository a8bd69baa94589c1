/**
 * The rows a citizen's data export is made of (data-export.server.ts), read inside its
 * transaction: only rows with the citizen's own BSN, and what staff did with their data.
 */
import { CITIZEN_VISIBLE_ENTRIES } from '~/domain/questions'
import type { Executor } from '../../../db/client'
import { loadHousehold } from '~/services/requests/kernel.server'
import { fromLetters, letterReference } from '~/services/letters/stored.server'

export const STAFF_KINDS = ['staff', 'staff_as_citizen'] as const
export const EXPORTED = 'personal_data.exported'

/** Everything the export holds on `bsn`, besides the person row itself. */
export async function readExportRows(
  bsn: string,
  { trx, now, addressId }: { trx: Executor; now: Date; addressId: string | null },
) {
  const [
    current,
    history,
    household,
    contact,
    pending,
    changes,
    cases,
    events,
    letters,
    corrections,
    moves,
    moments,
    questionEntries,
    views,
    steps,
  ] = await Promise.all([
    addressId ? trx.selectFrom('addresses').selectAll().where('id', '=', addressId).executeTakeFirst() : undefined,
    trx
      .selectFrom('address_history as h')
      .innerJoin('addresses as a', 'a.id', 'h.address_id')
      .select([
        'h.from_date',
        'h.to_date',
        'h.source',
        'a.id',
        'a.street',
        'a.house_number',
        'a.house_letter',
        'a.house_number_addition',
        'a.postcode',
        'a.city',
      ])
      .where('h.bsn', '=', bsn)
      .orderBy('h.from_date', 'desc')
      .orderBy('h.id', 'desc')
      .execute(),
    loadHousehold(bsn, { db: trx }),
    trx.selectFrom('contact_details').selectAll().where('bsn', '=', bsn).executeTakeFirst(),
    trx
      .selectFrom('email_confirmations')
      .select('email')
      .where('bsn', '=', bsn)
      .where('confirmed_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
    trx
      .selectFrom('person_changes')
      .select(['field', 'old_value', 'new_value', 'changed_at', 'source'])
      .where('bsn', '=', bsn)
      .orderBy('changed_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    trx
      .selectFrom('cases as c')
      .innerJoin('case_types as t', 't.code', 'c.case_type_code')
      .leftJoin('case_type_steps as s', (join) =>
        join.onRef('s.case_type_code', '=', 'c.case_type_code').onRef('s.code', '=', 'c.current_step'),
      )
      .leftJoin('employees as e', 'e.id', 'c.contact_employee_id')
      .select([
        'c.id',
        'c.reference',
        'c.case_type_code',
        't.name_nl as type_nl',
        't.name_en as type_en',
        's.name_nl as step_nl',
        's.name_en as step_en',
        'c.current_step',
        'c.subject',
        'c.channel',
        'c.status',
        'c.received_on',
        'c.ack_due_on',
        'c.decision_due_on',
        'c.extended',
        'c.outcome',
        'c.decided_on',
        'c.closed_on',
        'e.name as contact_name',
        'e.phone as contact_phone',
        'e.department as contact_department',
      ])
      .where('c.bsn', '=', bsn)
      .orderBy('c.received_on', 'desc')
      .orderBy('c.reference', 'desc')
      .execute(),
    trx
      .selectFrom('case_events as ev')
      .innerJoin('cases as c', 'c.id', 'ev.case_id')
      .select(['ev.case_id', 'ev.seq', 'ev.type', 'ev.occurred_at', 'ev.payload'])
      .where('c.bsn', '=', bsn)
      .orderBy('ev.case_id')
      .orderBy('ev.seq')
      .execute(),
    // A case's letters and a question's (letters_belongs_to): the reference is the case's or the question's.
    fromLetters(trx)
      .select([
        'l.id',
        'l.case_id',
        letterReference.as('reference'),
        'l.template_code',
        'l.template_version',
        'l.language',
        'l.title',
        'l.content',
        'l.letter_date',
        'l.delivery',
        'l.read_at',
        'l.printed_at',
      ])
      .where('l.bsn', '=', bsn)
      .orderBy('l.letter_date', 'desc')
      .orderBy('l.created_at', 'desc')
      .execute(),
    trx
      .selectFrom('correction_requests as r')
      .leftJoin('cases as c', 'c.id', 'r.case_id')
      .select([
        'r.status',
        'r.field',
        'r.current_value',
        'r.proposed_value',
        'r.explanation',
        'r.evidence_name',
        'r.evidence_type',
        'r.evidence_size',
        'c.reference',
        'r.created_at',
        'r.submitted_at',
        'r.decided_at',
        'r.decision_reason',
      ])
      .where('r.bsn', '=', bsn)
      .orderBy('r.created_at', 'desc')
      .execute(),
    trx
      .selectFrom('move_requests as m')
      .leftJoin('addresses as from', 'from.id', 'm.from_address_id')
      .leftJoin('addresses as to', 'to.id', 'm.address_id')
      .leftJoin('cases as c', 'c.id', 'm.case_id')
      .select([
        'm.status',
        'm.move_date',
        'm.co_mover_bsns',
        'c.reference',
        'm.created_at',
        'm.submitted_at',
        'm.decided_at',
        'm.decision_reason',
        'from.id as from_id',
        'from.street as from_street',
        'from.house_number as from_house_number',
        'from.house_letter as from_house_letter',
        'from.house_number_addition as from_house_number_addition',
        'from.postcode as from_postcode',
        'from.city as from_city',
        'to.id as to_id',
        'to.street as to_street',
        'to.house_number as to_house_number',
        'to.house_letter as to_house_letter',
        'to.house_number_addition as to_house_number_addition',
        'to.postcode as to_postcode',
        'to.city as to_city',
      ])
      .where('m.bsn', '=', bsn)
      .orderBy('m.created_at', 'desc')
      .execute(),
    trx
      .selectFrom('contact_moments as m')
      .leftJoin('cases as c', (j) => j.onRef('c.id', '=', 'm.case_id').onRef('c.bsn', '=', 'm.bsn'))
      .leftJoin('questions as q', (j) => j.onRef('q.id', '=', 'm.question_id').onRef('q.bsn', '=', 'm.bsn'))
      .select(['m.occurred_at', 'm.channel', 'm.subject', 'm.summary', 'm.topic'])
      .select(['c.reference as case_reference', 'q.reference as question_reference'])
      .where('m.bsn', '=', bsn)
      .orderBy('m.occurred_at', 'desc')
      .orderBy('m.id', 'desc')
      .execute(),
    // The citizen's questions and the entries they see (never the internal hand-overs and notes).
    trx
      .selectFrom('question_entries as e')
      .innerJoin('questions as q', 'q.id', 'e.question_id')
      .select(['q.id', 'q.reference', 'q.topic', 'q.channel', 'q.answer_channel', 'q.received_at'])
      .select(['e.kind', 'e.at', 'e.body', 'e.sent_via'])
      .where('q.bsn', '=', bsn)
      .where('e.kind', 'in', CITIZEN_VISIBLE_ENTRIES)
      .orderBy('q.received_at', 'desc')
      .orderBy('q.id')
      .orderBy('e.seq')
      .execute(),
    // "Wie heeft mijn gegevens bekeken": what staff did with this citizen's data, and their own downloads.
    trx
      .selectFrom('audit_log as a')
      .leftJoin('employees as e', 'e.id', 'a.actor_id')
      .select(['a.at', 'a.actor_kind', 'a.actor_id', 'a.action', 'a.resource', 'a.reason', 'e.name'])
      .where('a.subject_bsn', '=', bsn)
      .where((eb) => eb.or([eb('a.actor_kind', 'in', STAFF_KINDS), eb('a.action', '=', EXPORTED)]))
      .orderBy('a.id', 'desc')
      .execute(),
    trx
      .selectFrom('case_type_steps')
      .select(['case_type_code', 'code', 'name_nl', 'name_en'])
      .where('case_type_code', 'in', (eb) => eb.selectFrom('cases').select('case_type_code').where('bsn', '=', bsn))
      .execute(),
  ])
  return {
    current,
    history,
    household,
    contact,
    pending,
    changes,
    cases,
    events,
    letters,
    corrections,
    moves,
    moments,
    questionEntries,
    views,
    steps,
  }
}
