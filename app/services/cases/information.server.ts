/**
 * Answering a request for information (Awb 4:15(1)(a)) from Mijn Stad: what was asked, and the
 * citizen's answer — their words and/or files — recorded as the case event
 * `information_received`. That event ends the suspension on the day it came in, so the latest
 * decision date moves at once (app/domain/case-history.ts), and it writes the acknowledgement
 * letter (app/domain/letters-case.ts `informationReceived`).
 *
 * One transaction: the files (documents of kind `answer`), the event that names them, its letter
 * and the projection commit together or not at all. Only the case's own applicant answers; a
 * co-mover who may read a move's case, another citizen, an unknown or a malformed id all get
 * `case_not_found`. The form's id is the event's source id: the same form sent twice records one
 * event; a second form (another tab) meets the row lock and finds the case no longer waiting.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Language } from '~/domain/language'
import { compareLocalDate, localDateOf, type LocalDate } from '~/domain/local-date'
import type { AcceptedFile } from '~/services/uploads/index.server'
import { municipalToday } from '~/services/calendar.server'
import { addDocuments } from '~/services/cases/documents.server'
import { storedPayloadSchemas } from '~/domain/case-events'
import { buildDetail, detailColumns } from '~/services/cases/detail.server'
import { recordCaseEvent } from '~/services/cases/record.server'
import { isCaseId, type RecordResult } from '~/services/cases/results.server'

/** What the citizen reads above the form, and after sending it. */
export interface InformationRequestView {
  caseId: string
  reference: string
  caseType: string
  subject: string
  /** What was asked. */
  information: string
  respondBy: LocalDate
  /** The day to answer has passed: the term runs again (Awb 4:15), an answer is still welcome. */
  respondByPassed: boolean
  /** The latest decision date if the answer comes in today. */
  decisionDueOn: LocalDate
}

export type InformationRequestLookup =
  | { status: 'not_found' }
  /** The case is not waiting for information (answered already, decided, never asked). */
  | { status: 'not_waiting'; caseId: string; reference: string; decisionDueOn: LocalDate }
  | { status: 'waiting'; request: InformationRequestView }

async function ownCase(bsn: string, caseId: string, lang: Language, today: LocalDate, db: DB) {
  if (!isCaseId(caseId)) return null
  const row = await db
    .selectFrom('cases as c')
    .select(detailColumns)
    .where('c.id', '=', caseId)
    // The applicant only: a party who may read the case (a co-mover) does not answer for them.
    .where('c.bsn', '=', bsn)
    .executeTakeFirst()
  return row ? buildDetail(db, row, lang, today, { bsn }) : null
}

/**
 * Whether this citizen answers the case's requests: its applicant. A party who may read the case
 * (a co-mover) sees the request but is not the one asked.
 */
export async function isApplicant(citizen: { bsn: string }, caseId: string, db: DB = getDb()): Promise<boolean> {
  if (!isCaseId(caseId)) return false
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('bsn', '=', citizen.bsn)
    .executeTakeFirst()
  return row !== undefined
}

/** The request for information on this citizen's case, if it still waits for an answer. */
export async function getInformationRequestForCitizen(
  citizen: { bsn: string },
  caseId: string,
  { lang, today = municipalToday(), db = getDb() }: { lang: Language; today?: LocalDate; db?: DB },
): Promise<InformationRequestLookup> {
  const detail = await ownCase(citizen.bsn, caseId, lang, today, db)
  if (!detail) return { status: 'not_found' }
  const asked = detail.informationRequested
  if (!asked)
    return {
      status: 'not_waiting',
      caseId: detail.id,
      reference: detail.reference,
      decisionDueOn: detail.decisionDueOn,
    }
  return {
    status: 'waiting',
    request: {
      caseId: detail.id,
      reference: detail.reference,
      caseType: detail.caseType,
      subject: detail.subject,
      information: asked.information,
      respondBy: asked.respondBy,
      respondByPassed: compareLocalDate(today, asked.respondBy) > 0,
      decisionDueOn: detail.decisionDueOn,
    },
  }
}

export interface InformationAnswer {
  /** The citizen's words; blank counts as none. */
  answer?: string
  /** Files that passed the upload checks (app/services/uploads). */
  files: readonly AcceptedFile[]
}

export type AnswerResult =
  | { ok: true; caseId: string; reference: string; duplicate: boolean }
  | { ok: false; code: 'case_not_found' }
  /** Neither words nor a file: nothing to send. */
  | { ok: false; code: 'answer_empty'; field: 'answer' }
  /** The case no longer waits: answered already (another tab), decided, or never asked. */
  | { ok: false; code: 'not_suspended' }

/** Thrown inside the transaction to undo the documents when the event is not recorded. */
class NotRecorded extends Error {
  constructor(readonly result: AnswerResult) {
    super(result.ok ? 'duplicate' : result.code)
  }
}

function answerResult(result: RecordResult): AnswerResult {
  if (result.ok) return { ok: true, caseId: result.caseId, reference: result.reference, duplicate: result.duplicate }
  return result.code === 'case_not_found' ? { ok: false, code: 'case_not_found' } : { ok: false, code: 'not_suspended' }
}

/**
 * Records the citizen's answer: the files as documents of kind `answer`, then the event
 * `information_received` (channel internet) naming them, its letter and the projection, in one
 * transaction. `formId` is the event's source id (the form's hidden id).
 */
export async function answerInformationRequest(
  citizen: { bsn: string },
  caseId: string,
  input: InformationAnswer,
  { formId, now = new Date(), db = getDb() }: { formId: string; now?: Date; db?: DB },
): Promise<AnswerResult> {
  if (!isCaseId(caseId)) return { ok: false, code: 'case_not_found' }
  const answer = input.answer?.trim() || undefined
  if (!answer && input.files.length === 0) return { ok: false, code: 'answer_empty', field: 'answer' }
  try {
    return await db.transaction().execute(async (trx): Promise<AnswerResult> => {
      const own = await trx
        .selectFrom('cases')
        .select('id')
        .where('id', '=', caseId)
        .where('bsn', '=', citizen.bsn)
        .forUpdate()
        .executeTakeFirst()
      if (!own) throw new NotRecorded({ ok: false, code: 'case_not_found' })
      // The same form again (a double click): its event stands, nothing new is stored.
      const earlier = await trx
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select(['e.case_id', 'c.reference'])
        .where('e.source', '=', 'portal')
        .where('e.source_event_id', '=', formId)
        .executeTakeFirst()
      if (earlier) {
        if (earlier.case_id !== caseId) throw new NotRecorded({ ok: false, code: 'case_not_found' })
        return { ok: true, caseId, reference: earlier.reference, duplicate: true }
      }
      const documents = await addDocuments(
        trx,
        caseId,
        input.files.map((f) => ({ kind: 'answer' as const, title: f.name, mediaType: f.mediaType, bytes: f.bytes })),
        { addedBy: 'citizen', addedAt: now },
      )
      const recorded = await recordCaseEvent(
        {
          case: { caseId },
          event: {
            type: 'information_received',
            channel: 'internet',
            answer,
            documentIds: documents.map((d) => d.id),
          },
          source: 'portal',
          sourceEventId: formId,
          actor: 'citizen',
          occurredAt: now,
          now,
        },
        trx,
      )
      const result = answerResult(recorded)
      if (!result.ok || result.duplicate) throw new NotRecorded(result)
      return result
    })
  } catch (error) {
    if (error instanceof NotRecorded) return error.result
    throw error
  }
}

/** What the confirmation page shows after an answer: the day, the new date, its letter. */
export interface AnswerReceipt {
  caseId: string
  reference: string
  receivedOn: LocalDate
  /** The latest decision date now: the suspension ended on `receivedOn`. */
  decisionDueOn: LocalDate
  answer: string | null
  fileCount: number
  /** The acknowledgement letter written with the event. */
  letter: { id: string; title: string } | null
}

/** The last answer to a request for information on this citizen's own case; null when there is none. */
export async function getAnswerReceipt(
  citizen: { bsn: string },
  caseId: string,
  { lang, today = municipalToday(), db = getDb() }: { lang: Language; today?: LocalDate; db?: DB },
): Promise<AnswerReceipt | null> {
  const detail = await ownCase(citizen.bsn, caseId, lang, today, db)
  if (!detail) return null
  const event = await db
    .selectFrom('case_events')
    .select(['id', 'payload', 'occurred_at'])
    .where('case_id', '=', detail.id)
    .where('type', '=', 'information_received')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!event) return null
  const letter = await db
    .selectFrom('letters')
    .select(['id', 'title'])
    .where('event_id', '=', event.id)
    .where('bsn', '=', citizen.bsn)
    .executeTakeFirst()
  const payload = event.payload as { answer?: unknown; documentIds?: unknown }
  return {
    caseId: detail.id,
    reference: detail.reference,
    receivedOn: localDateOf(event.occurred_at),
    decisionDueOn: detail.decisionDueOn,
    answer: typeof payload.answer === 'string' ? payload.answer : null,
    fileCount: Array.isArray(payload.documentIds) ? payload.documentIds.length : 0,
    letter: letter ?? null,
  }
}

/** The last answer to a request for information, as the caseworker reads it on the case screen. */
export interface AnswerForStaff {
  receivedOn: LocalDate
  channel: string
  answer: string | null
  note: string | null
  /** The documents that came with it; the case screen lists them from the case's documents. */
  documentIds: string[]
}

/**
 * The last `information_received` of a case with the documents it names. The caller has
 * checked that this employee may read the case (cases/access.server.ts `readCaseForStaff`).
 */
export async function getLatestAnswerForStaff(caseId: string, db: DB = getDb()): Promise<AnswerForStaff | null> {
  if (!isCaseId(caseId)) return null
  const event = await db
    .selectFrom('case_events')
    .select(['payload', 'occurred_at'])
    .where('case_id', '=', caseId)
    .where('type', '=', 'information_received')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!event) return null
  const payload = storedPayloadSchemas.information_received.safeParse(event.payload)
  if (!payload.success) return null
  return {
    receivedOn: localDateOf(event.occurred_at),
    channel: payload.data.channel,
    answer: payload.data.answer ?? null,
    note: payload.data.note ?? null,
    documentIds: payload.data.documentIds ?? [],
  }
}
