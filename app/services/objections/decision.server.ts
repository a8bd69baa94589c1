/**
 * Objecting online (bezwaar, Awb 6:4 ff.): from a decided case, the citizen writes the grounds,
 * adds documents if they want, checks and sends. The objection becomes a case of its own
 * (`bezwaar`) with its acknowledgement letter, linked both ways to the decision.
 *
 * - Who and what: only the citizen whose case it is, only against a decision on an application
 *   (not a withdrawal, not the decision on an objection: that goes to the court), see
 *   `objectability` in app/domain/objection.ts. An employee viewing along changes nothing.
 * - One objection per decision and citizen: the form's answers wait in one `objections` row per
 *   (decision, citizen) with status 'draft'; sending turns that row into the objection under a
 *   row lock, so a double submit finds it sent and creates no second case.
 * - In time or late: within six weeks from the day after the decision was sent (Awb 6:7, 6:8);
 *   after that the citizen can still send it with the reason it is late, and it is taken in,
 *   marked late, for the caseworker to weigh (Awb 6:11).
 * - The decision term of the objection counts from the end of the term to object (Awb 7:10(1)),
 *   passed to the cases service as `termFrom`.
 * - Files: at most five, together at most 10 MB, each a PDF, JPEG or PNG by its content (its
 *   first bytes), never by its name. They wait with the draft and become documents of the new
 *   case in the transaction of its received event, with the objection itself as a text document
 *   (name and address, date, decision, grounds: Awb 6:5). A failure anywhere rolls back all.
 */
import type { Executor } from '../../../db/client'
import type { Outcome } from '~/domain/case-terms'
import { localDateOf, type LocalDate } from '~/domain/local-date'
import { objectability, objectionTerm, type NotObjectable, type ObjectionTerm } from '~/domain/objection'
import { isCaseId } from '~/services/cases/results.server'
import { holidayCalendar } from '~/services/calendar.server'
import { caseVisibleToCitizen } from '~/services/cases/parties.server'

// --- the decision objected to ----------------------------------------------------------------

export interface DecisionRow {
  caseId: string
  reference: string
  caseTypeCode: string
  caseTypeName: { nl: string; en: string }
  subject: string
  bsn: string
  /** The decided event: the decision itself. */
  eventId: string | null
  outcome: Outcome | null
  /** The date of the decision's letter, the day it was sent. */
  sentOn: LocalDate | null
}

/** The case of this citizen with its latest decision; null for anyone else's case or an unknown id. */
export async function loadDecision(db: Executor, bsn: string, caseId: string): Promise<DecisionRow | null> {
  if (!isCaseId(caseId)) return null
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('case_types as t', 't.code', 'c.case_type_code')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_events as e')
          .select(['e.id', 'e.payload', 'e.occurred_at'])
          .whereRef('e.case_id', '=', 'c.id')
          .where('e.type', '=', 'decided')
          .orderBy('e.seq', 'desc')
          .limit(1)
          .as('d'),
      (join) => join.onTrue(),
    )
    .select([
      'c.id',
      'c.reference',
      'c.case_type_code',
      'c.subject',
      'c.bsn',
      't.name_nl',
      't.name_en',
      'd.id as event_id',
      'd.payload',
      'd.occurred_at',
    ])
    .where('c.id', '=', caseId)
    // The citizen's own case, or one they are a party to (a co-mover's move): both may object.
    .where(caseVisibleToCitizen(bsn))
    .executeTakeFirst()
  if (!row) return null
  return {
    caseId: row.id,
    reference: row.reference,
    caseTypeCode: row.case_type_code,
    caseTypeName: { nl: row.name_nl, en: row.name_en },
    subject: row.subject,
    bsn: row.bsn,
    eventId: row.event_id === null ? null : String(row.event_id),
    outcome: (row.payload?.outcome as Outcome | undefined) ?? null,
    sentOn: row.occurred_at ? localDateOf(new Date(row.occurred_at)) : null,
  }
}

export type Objectable = DecisionRow & { eventId: string; outcome: Outcome; sentOn: LocalDate; term: ObjectionTerm }

export function judge(
  decision: DecisionRow,
): { ok: true; decision: Objectable } | { ok: false; reason: NotObjectable } {
  const verdict = objectability(decision.caseTypeCode, decision.outcome)
  if (!verdict.ok) return verdict
  const { eventId, outcome, sentOn } = decision
  if (!eventId || !outcome || !sentOn) return { ok: false, reason: 'not_decided' }
  return {
    ok: true,
    decision: { ...decision, eventId, outcome, sentOn, term: objectionTerm(sentOn, holidayCalendar()) },
  }
}

export async function submittedObjection(
  db: Executor,
  bsn: string,
  decisionEventId: string,
): Promise<{ caseId: string; reference: string } | null> {
  const row = await db
    .selectFrom('objections as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .select(['c.id', 'c.reference'])
    .where('o.decision_event_id', '=', decisionEventId)
    .where('o.bsn', '=', bsn)
    .where('o.status', '=', 'submitted')
    .executeTakeFirst()
  return row ? { caseId: row.id, reference: row.reference } : null
}
