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
import type { DB, Executor } from '../../db/client'
import { getDb } from '../../db/instance'
import type { Outcome } from '~/domain/case-terms'
import { detectEvidenceType, safeFileName } from '~/domain/correction'
import { addressLines, formatLetterDate, personName } from '~/domain/letters-format'
import { localDateOf, todayIn, type LocalDate } from '~/domain/local-date'
import {
  MAX_GROUNDS_LENGTH,
  MAX_LATE_REASON_LENGTH,
  MAX_OBJECTION_FILES,
  MAX_OBJECTION_UPLOAD_BYTES,
  OBJECTION_CASE_TYPE,
  appealTerm,
  isLateObjection,
  objectability,
  objectionDecisionTermFrom,
  objectionTerm,
  type NotObjectable,
  type ObjectionTerm,
} from '~/domain/objection'
import { recordAudit } from '~/services/audit.server'
import { isCaseId, receiveCase, type Language } from '~/services/cases.server'
import { holidayCalendar } from '~/services/calendar.server'
import { caseVisibleToCitizen } from '~/services/case-parties.server'
import { addDocuments, listDocuments, sha256Hex, type DocumentSummary } from '~/services/documents.server'
import { citizenAudit, Refused, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'

// --- the decision objected to ----------------------------------------------------------------

interface DecisionRow {
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
async function loadDecision(db: Executor, bsn: string, caseId: string): Promise<DecisionRow | null> {
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

type Objectable = DecisionRow & { eventId: string; outcome: Outcome; sentOn: LocalDate; term: ObjectionTerm }

function judge(decision: DecisionRow): { ok: true; decision: Objectable } | { ok: false; reason: NotObjectable } {
  const verdict = objectability(decision.caseTypeCode, decision.outcome)
  if (!verdict.ok) return verdict
  const { eventId, outcome, sentOn } = decision
  if (!eventId || !outcome || !sentOn) return { ok: false, reason: 'not_decided' }
  return {
    ok: true,
    decision: { ...decision, eventId, outcome, sentOn, term: objectionTerm(sentOn, holidayCalendar()) },
  }
}

async function submittedObjection(
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

// --- the form --------------------------------------------------------------------------------

export interface DraftFileView {
  id: string
  name: string
  mediaType: string
  size: number
}

export interface ObjectionDecisionView {
  caseId: string
  reference: string
  caseType: string
  subject: string
  outcome: Outcome
  decidedOn: LocalDate
}

export interface ObjectionDraftView {
  grounds: string
  lateReason: string | null
  files: DraftFileView[]
}

export type ObjectionStart =
  | { status: 'not_found' }
  | { status: 'not_objectable'; reason: NotObjectable }
  | { status: 'existing'; caseId: string; reference: string }
  | {
      status: 'open'
      decision: ObjectionDecisionView
      term: ObjectionTerm
      /** The term has passed: the citizen says why it is late (Awb 6:11). */
      late: boolean
      draft: ObjectionDraftView | null
    }

function decisionView(d: Objectable, lang: Language): ObjectionDecisionView {
  return {
    caseId: d.caseId,
    reference: d.reference,
    caseType: d.caseTypeName[lang],
    subject: d.subject,
    outcome: d.outcome,
    decidedOn: d.sentOn,
  }
}

async function draftOf(db: Executor, bsn: string, decisionEventId: string) {
  return db
    .selectFrom('objections')
    .select(['id', 'status', 'grounds', 'late_reason'])
    .where('decision_event_id', '=', decisionEventId)
    .where('bsn', '=', bsn)
    .executeTakeFirst()
}

async function draftFiles(db: Executor, objectionId: string): Promise<Array<DraftFileView & { sha256: string }>> {
  const rows = await db
    .selectFrom('objection_draft_files')
    .select(['id', 'name', 'media_type', 'size', 'sha256'])
    .where('objection_id', '=', objectionId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, mediaType: r.media_type, size: r.size, sha256: r.sha256 }))
}

const withoutHash = ({ id, name, mediaType, size }: DraftFileView & { sha256: string }): DraftFileView => ({
  id,
  name,
  mediaType,
  size,
})

/** Where an objection starts, and every later step: may this citizen object to this case's decision? */
async function start(
  db: Executor,
  actor: CitizenActor,
  caseId: string,
  lang: Language,
  today: LocalDate,
): Promise<ObjectionStart & { decisionRow?: Objectable }> {
  const decision = await loadDecision(db, actor.bsn, caseId)
  if (!decision) return { status: 'not_found' }
  const verdict = judge(decision)
  if (!verdict.ok) return { status: 'not_objectable', reason: verdict.reason }
  const d = verdict.decision
  const existing = await submittedObjection(db, actor.bsn, d.eventId)
  if (existing) return { status: 'existing', ...existing }
  const row = await draftOf(db, actor.bsn, d.eventId)
  const files = row ? await draftFiles(db, row.id) : []
  return {
    status: 'open',
    decision: decisionView(d, lang),
    term: d.term,
    late: isLateObjection(d.term, today),
    draft: row ? { grounds: row.grounds, lateReason: row.late_reason, files: files.map(withoutHash) } : null,
    decisionRow: d,
  }
}

/** The form (and the check page): the decision, its term, and what was typed so far. */
export async function getObjectionForm(
  actor: CitizenActor,
  caseId: string,
  lang: Language,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<ObjectionStart> {
  const { decisionRow: _decision, ...view } = await start(db, actor, caseId, lang, todayIn(now))
  return view
}

export type ObjectionErrorCode =
  | 'grounds_required'
  | 'grounds_too_long'
  | 'late_reason_required'
  | 'late_reason_too_long'
  | 'file_empty'
  | 'file_wrong_type'
  | 'too_many_files'
  | 'files_too_large'

export interface ObjectionFieldError {
  field: 'grounds' | 'lateReason' | 'attachments'
  code: ObjectionErrorCode
  /** The file a file error is about, as the browser named it. */
  file?: string
}

/** A file as it came in; `bytes` null when it went past the upload's limit and was not kept. */
export interface UploadedFile {
  name: string
  size: number
  bytes: Uint8Array | null
}

function textErrors(grounds: string, lateReason: string, late: boolean): ObjectionFieldError[] {
  const errors: ObjectionFieldError[] = []
  if (grounds.trim() === '') errors.push({ field: 'grounds', code: 'grounds_required' })
  else if (grounds.length > MAX_GROUNDS_LENGTH) errors.push({ field: 'grounds', code: 'grounds_too_long' })
  if (late && lateReason.trim() === '') errors.push({ field: 'lateReason', code: 'late_reason_required' })
  else if (lateReason.length > MAX_LATE_REASON_LENGTH)
    errors.push({ field: 'lateReason', code: 'late_reason_too_long' })
  return errors
}

export type SaveObjectionResult =
  | Exclude<ObjectionStart, { status: 'open' }>
  | { status: 'saved' }
  | { status: 'invalid'; errors: ObjectionFieldError[]; files: DraftFileView[] }

/**
 * The form's answers into the draft. What is right is kept even when something else is not:
 * the typed text, and every file that passes; a refused file is named in an error and not kept.
 * A file already with the draft (same SHA-256) is not added twice. `removeFiles` drops kept ones.
 */
export async function saveObjectionDraft(
  actor: CitizenActor,
  caseId: string,
  input: { grounds: string; lateReason: string },
  uploads: UploadedFile[],
  options: { removeFiles?: string[]; now?: Date; db?: DB } = {},
): Promise<SaveObjectionResult> {
  refuseWhileImpersonating(actor)
  const now = options.now ?? new Date()
  const db = options.db ?? getDb()
  return db.transaction().execute(async (trx): Promise<SaveObjectionResult> => {
    const begun = await start(trx, actor, caseId, 'nl', todayIn(now))
    if (begun.status !== 'open' || !begun.decisionRow) return begun as Exclude<ObjectionStart, { status: 'open' }>
    const d = begun.decisionRow
    const grounds = input.grounds.replace(/\r\n/g, '\n')
    const lateReason = begun.late ? input.lateReason.replace(/\r\n/g, '\n') : ''
    const saved = await trx
      .insertInto('objections')
      .values({
        bsn: actor.bsn,
        decision_case_id: d.caseId,
        decision_event_id: d.eventId,
        grounds: grounds.slice(0, MAX_GROUNDS_LENGTH * 2),
        late_reason: lateReason.trim() ? lateReason.slice(0, MAX_LATE_REASON_LENGTH * 2) : null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['decision_event_id', 'bsn'])
          .doUpdateSet((eb) => ({
            grounds: eb.ref('excluded.grounds'),
            late_reason: eb.ref('excluded.late_reason'),
            updated_at: now,
          }))
          .where('objections.status', '=', 'draft'),
      )
      .returning('id')
      .executeTakeFirst()
    if (!saved) {
      // Sent meanwhile (another tab): show that one.
      const existing = await submittedObjection(trx, actor.bsn, d.eventId)
      return existing ? { status: 'existing', ...existing } : { status: 'not_found' }
    }
    const remove = (options.removeFiles ?? []).filter(isCaseId)
    if (remove.length) {
      await trx
        .deleteFrom('objection_draft_files')
        .where('objection_id', '=', saved.id)
        .where('id', 'in', remove)
        .execute()
    }
    const kept = await draftFiles(trx, saved.id)
    const errors: ObjectionFieldError[] = []
    let count = kept.length
    let total = kept.reduce((sum, f) => sum + f.size, 0)
    const hashes = new Set(kept.map((f) => f.sha256))
    for (const upload of uploads) {
      const refuse = (code: ObjectionErrorCode) => errors.push({ field: 'attachments', code, file: upload.name })
      if (upload.bytes === null || total + upload.size > MAX_OBJECTION_UPLOAD_BYTES) {
        refuse('files_too_large')
        continue
      }
      if (upload.size === 0) {
        refuse('file_empty')
        continue
      }
      const type = detectEvidenceType(upload.bytes.subarray(0, 16))
      if (!type) {
        refuse('file_wrong_type')
        continue
      }
      const hash = sha256Hex(upload.bytes)
      if (hashes.has(hash)) continue
      if (count >= MAX_OBJECTION_FILES) {
        refuse('too_many_files')
        continue
      }
      await trx
        .insertInto('objection_draft_files')
        .values({
          objection_id: saved.id,
          name: safeFileName(upload.name, type),
          media_type: type,
          size: upload.bytes.byteLength,
          sha256: hash,
          bytes: Buffer.from(upload.bytes),
          added_at: now,
        })
        .execute()
      count++
      total += upload.bytes.byteLength
      hashes.add(hash)
    }
    errors.push(...textErrors(grounds, lateReason, begun.late))
    if (errors.length === 0) return { status: 'saved' }
    return { status: 'invalid', errors, files: (await draftFiles(trx, saved.id)).map(withoutHash) }
  })
}

// --- sending ---------------------------------------------------------------------------------

export type SubmitObjectionResult =
  | Exclude<ObjectionStart, { status: 'open' | 'existing' }>
  | { status: 'no_draft' }
  | { status: 'invalid'; errors: ObjectionFieldError[] }
  | { status: 'submitted'; caseId: string; reference: string; duplicate: boolean }

/**
 * "Versturen": in one transaction, under a lock on the draft row, the objection becomes a case
 * `bezwaar` (received event, acknowledgement letter), its text and files become documents of
 * that case, the row is marked sent and linked, and the audit log records it. Sent twice (a
 * double click, two tabs), the second finds the row sent and answers with the same case.
 */
export async function submitObjection(
  actor: CitizenActor,
  caseId: string,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<SubmitObjectionResult> {
  refuseWhileImpersonating(actor)
  const today = todayIn(now)
  try {
    return await db.transaction().execute(async (trx): Promise<SubmitObjectionResult> => {
      const decision = await loadDecision(trx, actor.bsn, caseId)
      if (!decision) return { status: 'not_found' }
      const verdict = judge(decision)
      if (!verdict.ok) return { status: 'not_objectable', reason: verdict.reason }
      const d = verdict.decision
      const row = await trx
        .selectFrom('objections')
        .select(['id', 'status', 'grounds', 'late_reason', 'case_id'])
        .where('decision_event_id', '=', d.eventId)
        .where('bsn', '=', actor.bsn)
        .forUpdate()
        .executeTakeFirst()
      if (!row) return { status: 'no_draft' }
      if (row.status === 'submitted') {
        const existing = await submittedObjection(trx, actor.bsn, d.eventId)
        if (existing) return { status: 'submitted', ...existing, duplicate: true }
      }
      const late = isLateObjection(d.term, today)
      const errors = textErrors(row.grounds, row.late_reason ?? '', late)
      if (errors.length) return { status: 'invalid', errors }

      const [files, person] = await Promise.all([
        trx
          .selectFrom('objection_draft_files')
          .select(['name', 'media_type', 'bytes'])
          .where('objection_id', '=', row.id)
          .orderBy('seq')
          .execute(),
        trx
          .selectFrom('persons as p')
          .leftJoin('addresses as a', 'a.id', 'p.address_id')
          .leftJoin('contact_details as cd', 'cd.bsn', 'p.bsn')
          .select([
            'p.given_names',
            'p.name_prefix',
            'p.surname',
            'a.street',
            'a.house_number',
            'a.house_letter',
            'a.house_number_addition',
            'a.postcode',
            'a.city',
            'cd.language',
          ])
          .where('p.bsn', '=', actor.bsn)
          .executeTakeFirstOrThrow(),
      ])
      const language = person.language ?? 'nl'
      const letterOfObjection = objectionText({
        language,
        name: personName({ givenNames: person.given_names, namePrefix: person.name_prefix, surname: person.surname }),
        address:
          person.street && person.house_number !== null && person.postcode && person.city
            ? addressLines({
                street: person.street,
                houseNumber: person.house_number,
                houseLetter: person.house_letter,
                houseNumberAddition: person.house_number_addition,
                postcode: person.postcode,
                city: person.city,
              })
            : [],
        date: today,
        decision: d,
        grounds: row.grounds,
        lateReason: late ? row.late_reason : null,
        files: files.map((f) => f.name),
      })

      const received = await receiveCase(
        {
          caseTypeCode: OBJECTION_CASE_TYPE,
          bsn: actor.bsn,
          // The case type says it is an objection; the subject says to which decision.
          subject: `${d.caseTypeName[language]} (${d.reference})`,
          channel: 'internet',
          receivedOn: today,
          termFrom: objectionDecisionTermFrom(d.term, today),
          source: 'portal',
          sourceEventId: `objection:${row.id}`,
          actor: 'citizen',
          occurredAt: now,
          now,
          // The link and the documents, before the acknowledgement is written: it names them.
          beforeLetters: async (t, created) => {
            await t
              .updateTable('objections')
              .set({ status: 'submitted', case_id: created.caseId, late, submitted_at: now, updated_at: now })
              .where('id', '=', row.id)
              .execute()
            await addDocuments(
              t,
              created.caseId,
              [
                {
                  kind: 'objection',
                  title: language === 'en' ? `Objection ${created.reference}.txt` : `Bezwaar ${created.reference}.txt`,
                  mediaType: 'text/plain; charset=utf-8',
                  bytes: Buffer.from(letterOfObjection, 'utf8'),
                },
                ...files.map((f) => ({
                  kind: 'attachment' as const,
                  title: f.name,
                  mediaType: f.media_type,
                  bytes: f.bytes,
                })),
              ],
              { addedBy: 'citizen', addedAt: now },
            )
            await t.deleteFrom('objection_draft_files').where('objection_id', '=', row.id).execute()
          },
        },
        trx,
      )
      if (!received.ok) throw new Refused(received.code)
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'objection.submitted',
        subjectBsn: actor.bsn,
        resource: `case:${received.reference}`,
        details: { decision: d.reference, late, attachments: files.length },
      })
      return { status: 'submitted', caseId: received.caseId, reference: received.reference, duplicate: false }
    })
  } catch (error) {
    if (error instanceof Refused) return { status: 'not_found' }
    throw error
  }
}

/**
 * The objection as a letter would hold it (Awb 6:5(1)): name and address, date, the decision,
 * the grounds; sent through DigiD, which stands in for the signature (Awb 2:16). Kept as the
 * objection's own document, so what was sent is on file word for word.
 */
function objectionText(o: {
  language: 'nl' | 'en'
  name: string
  address: string[]
  date: LocalDate
  decision: Objectable
  grounds: string
  lateReason: string | null
  files: string[]
}): string {
  const nl = o.language === 'nl'
  const d = o.decision
  const lines = [
    nl ? `Bezwaar tegen besluit ${d.reference}` : `Objection to decision ${d.reference}`,
    '',
    `${nl ? 'Van' : 'From'}: ${o.name}`,
    ...o.address.map((line) => `      ${line}`),
    `${nl ? 'Datum' : 'Date'}: ${formatLetterDate(o.date, o.language)}`,
    `${nl ? 'Verstuurd via' : 'Sent through'}: Mijn Stad (DigiD)`,
    `${nl ? 'Besluit' : 'Decision'}: ${d.reference}, ${d.caseTypeName[o.language]}: ${d.subject}, ${formatLetterDate(d.sentOn, o.language)}`,
    '',
    nl ? 'Waarom ik het niet eens ben met het besluit:' : 'Why I disagree with the decision:',
    o.grounds.trim(),
  ]
  if (o.lateReason)
    lines.push('', nl ? 'Waarom mijn bezwaar te laat is:' : 'Why my objection is late:', o.lateReason.trim())
  if (o.files.length) lines.push('', `${nl ? 'Bijlagen' : 'Attachments'}: ${o.files.join(', ')}`)
  return `${lines.join('\n')}\n`
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

export type { ObjectionTerm, NotObjectable }
