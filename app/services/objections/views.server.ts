/** The objection as the case pages show it: the panel on a decision, the confirmation, the staff view. */
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { type LocalDate } from '~/domain/local-date'
import {
  OBJECTION_CASE_TYPE,
  appealTerm,
  isLateObjection,
  type NotObjectable,
  type ObjectionTerm,
} from '~/domain/objection'
import type { Language } from '~/domain/language'
import { isCaseId } from '~/services/cases/results.server'
import { holidayCalendar } from '~/services/calendar.server'
import { listDocuments, type DocumentSummary } from '~/services/cases/documents.server'
import { type CitizenActor } from '~/services/requests/kernel.server'
import { judge, loadDecision, submittedObjection } from '~/services/objections/decision.server'

// --- the case page ---------------------------------------------------------------------------

export interface ObjectionPanel {
  /** The term to object to this case's decision; null when there is nothing to object to. */
  term: ObjectionTerm | null
  /** Today falls within the term. */
  termOpen: boolean
  notObjectable: NotObjectable | null
  /** The citizen's objection to this decision, once sent. */
  objection: { caseId: string; reference: string } | null
  /** For an objection's own case: the decision it is against, and what the citizen wrote. */
  objectsTo: {
    caseId: string
    reference: string
    caseType: string
    subject: string
    grounds: string
    late: boolean
    lateReason: string | null
  } | null
  /** For a decided objection: the term to appeal to the court (Awb 8:1, 6:7). */
  appealTerm: ObjectionTerm | null
  /** The case's documents (an objection's letter and attachments), for download. */
  documents: DocumentSummary[]
}

/**
 * What the case page says about objecting: for a decision, its term and the objection made;
 * for an objection's case, the decision it is against. Null for anyone else's case.
 */
export async function getObjectionPanel(
  bsn: string,
  caseId: string,
  lang: Language,
  today: LocalDate,
  db: DB = getDb(),
): Promise<ObjectionPanel | null> {
  const decision = await loadDecision(db, bsn, caseId)
  if (!decision) return null
  const verdict = judge(decision)
  const [objection, objectsTo, documents] = await Promise.all([
    verdict.ok ? submittedObjection(db, bsn, verdict.decision.eventId) : Promise.resolve(null),
    decision.caseTypeCode === OBJECTION_CASE_TYPE ? objectedDecisionOf(db, caseId, lang) : Promise.resolve(null),
    listDocuments(caseId, db),
  ])
  const term = verdict.ok ? verdict.decision.term : null
  return {
    term,
    termOpen: term !== null && !isLateObjection(term, today),
    notObjectable: verdict.ok ? null : verdict.reason,
    objection,
    objectsTo,
    appealTerm:
      !verdict.ok && verdict.reason === 'objection_decision' && decision.sentOn
        ? appealTerm(decision.sentOn, holidayCalendar())
        : null,
    documents,
  }
}

async function objectedDecisionOf(db: Executor, objectionCaseId: string, lang: Language) {
  const row = await db
    .selectFrom('objections as o')
    .innerJoin('cases as d', 'd.id', 'o.decision_case_id')
    .innerJoin('case_types as t', 't.code', 'd.case_type_code')
    .select(['d.id', 'd.reference', 'd.subject', 't.name_nl', 't.name_en', 'o.grounds', 'o.late', 'o.late_reason'])
    .where('o.case_id', '=', objectionCaseId)
    .executeTakeFirst()
  return row
    ? {
        caseId: row.id,
        reference: row.reference,
        caseType: lang === 'en' ? row.name_en : row.name_nl,
        subject: row.subject,
        grounds: row.grounds,
        late: row.late,
        lateReason: row.late_reason,
      }
    : null
}

export interface SubmittedObjectionView {
  caseId: string
  reference: string
  decisionDueOn: LocalDate
  acknowledgementId: string | null
}

/** The confirmation page: the objection's case, its latest decision date and its acknowledgement. */
export async function getSubmittedObjection(
  actor: CitizenActor,
  caseId: string,
  db: DB = getDb(),
): Promise<SubmittedObjectionView | null> {
  const decision = await loadDecision(db, actor.bsn, caseId)
  if (!decision?.eventId) return null
  const row = await db
    .selectFrom('objections as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .select([
      'c.id',
      'c.reference',
      'c.decision_due_on',
      (eb) =>
        eb
          .selectFrom('letters as l')
          .select('l.id')
          .whereRef('l.case_id', '=', 'c.id')
          .where('l.template_code', '=', 'objection_acknowledgement')
          .limit(1)
          .as('letter_id'),
    ])
    .where('o.decision_event_id', '=', decision.eventId)
    .where('o.bsn', '=', actor.bsn)
    .where('o.status', '=', 'submitted')
    .executeTakeFirst()
  return row
    ? { caseId: row.id, reference: row.reference, decisionDueOn: row.decision_due_on, acknowledgementId: row.letter_id }
    : null
}

// --- staff -----------------------------------------------------------------------------------

export interface StaffObjectionView {
  /** This case is an objection: what the citizen wrote, and the decision it is against. */
  objection: {
    grounds: string
    late: boolean
    lateReason: string | null
    decision: { caseId: string; reference: string; caseType: string }
  } | null
  /** Objections made against this case's decision. */
  objectionsAgainst: Array<{ caseId: string; reference: string; status: string }>
  documents: DocumentSummary[]
}

/** What the caseworker's case screen shows of objections: the grounds, the files, the links. */
export async function getObjectionsForStaff(
  caseId: string,
  lang: Language,
  db: DB = getDb(),
): Promise<StaffObjectionView | null> {
  if (!isCaseId(caseId)) return null
  const [objection, against, documents] = await Promise.all([
    db
      .selectFrom('objections as o')
      .innerJoin('cases as d', 'd.id', 'o.decision_case_id')
      .innerJoin('case_types as t', 't.code', 'd.case_type_code')
      .select(['o.grounds', 'o.late', 'o.late_reason', 'd.id', 'd.reference', 't.name_nl', 't.name_en'])
      .where('o.case_id', '=', caseId)
      .executeTakeFirst(),
    db
      .selectFrom('objections as o')
      .innerJoin('cases as c', 'c.id', 'o.case_id')
      .select(['c.id', 'c.reference', 'c.status'])
      .where('o.decision_case_id', '=', caseId)
      .where('o.status', '=', 'submitted')
      .orderBy('o.submitted_at')
      .execute(),
    listDocuments(caseId, db),
  ])
  return {
    objection: objection
      ? {
          grounds: objection.grounds,
          late: objection.late,
          lateReason: objection.late_reason,
          decision: {
            caseId: objection.id,
            reference: objection.reference,
            caseType: lang === 'en' ? objection.name_en : objection.name_nl,
          },
        }
      : null,
    objectionsAgainst: against.map((r) => ({ caseId: r.id, reference: r.reference, status: r.status })),
    documents,
  }
}
