/**
 * Correction requests (Wet BRP art. 2.58): the citizen names a data item, the right value and
 * why, with optional evidence; it becomes a case `brp_correctie` (4 weeks) with its
 * acknowledgement letter. A caseworker accepts it (the data corrected, the old value kept in
 * `person_changes`) or refuses it with a reason; the decision letter, written from the `decided`
 * event by the letters service, tells how to object (Awb 6:4, 7:1).
 *
 * Like the move, the answers wait in a draft row (status 'draft') between the form and the
 * check page, named by a random id; the evidence is kept in that row (bytea), never on disk
 * under a name the citizen chose. The type is checked by content (domain/correction.ts).
 */
import type { Transaction } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Database } from '../../../db/schema'
import {
  CORRECTABLE_FIELDS,
  evidenceError,
  safeFileName,
  validateCorrection,
  type CorrectableField,
  type CorrectionFieldError,
  type EvidenceError,
  type EvidenceType,
} from '~/domain/correction'
import { exceedsUploadQuota, isDraftExpired } from '~/domain/drafts'
import { todayIn } from '~/domain/local-date'
import { recordAudit } from '~/services/audit.server'
import { receiveCase } from '~/services/cases/record.server'
import { OPEN_DRAFT, uploadBytesInUse } from '~/services/requests/drafts.server'
import { checkUpload } from '~/services/uploads/index.server'
import { citizenAudit, Refused, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import { UUID_PATTERN } from '~/domain/ids'

export const isCorrectionId = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value)

/** The names of the data items, for the case subject and the decision text (data, not UI). */
export const FIELD_NAMES: Record<CorrectableField, { nl: string; en: string }> = {
  given_names: { nl: 'voornamen', en: 'first names' },
  name_prefix: { nl: 'voorvoegsel', en: 'surname prefix' },
  surname: { nl: 'achternaam', en: 'surname' },
  birth_date: { nl: 'geboortedatum', en: 'date of birth' },
  birth_place: { nl: 'geboorteplaats', en: 'place of birth' },
  birth_country: { nl: 'geboorteland', en: 'country of birth' },
  nationality: { nl: 'nationaliteit', en: 'nationality' },
}

type PersonRow = {
  given_names: string
  name_prefix: string | null
  surname: string
  birth_date: string
  birth_place: string
  birth_country: string
  nationality: string
}

export function valueOf(person: PersonRow, field: CorrectableField): string | null {
  return person[field]
}

export async function loadPerson(db: DB | Transaction<Database>, bsn: string): Promise<PersonRow> {
  return db
    .selectFrom('persons')
    .select(['given_names', 'name_prefix', 'surname', 'birth_date', 'birth_place', 'birth_country', 'nationality'])
    .where('bsn', '=', bsn)
    .executeTakeFirstOrThrow()
}

// --- the form -------------------------------------------------------------------------------

export interface EvidenceUpload {
  /** the name the browser gave; only shown, after cleaning */
  name: string
  size: number
  /** the bytes, or null when the file was larger than the limit and was not kept */
  bytes: Uint8Array | null
}

export interface CorrectionDraftView {
  id: string
  field: CorrectableField
  currentValue: string | null
  proposedValue: string
  explanation: string
  evidence: { name: string; type: EvidenceType; size: number } | null
}

export interface CorrectionForm {
  /** every data item that can be corrected, with what the register now holds */
  items: Array<{ field: CorrectableField; current: string | null }>
  draft: CorrectionDraftView | null
}

const draftColumns = [
  'id',
  'status',
  'field',
  'current_value',
  'proposed_value',
  'explanation',
  'evidence_name',
  'evidence_type',
  'evidence_size',
  'case_id',
  'updated_at',
] as const

async function findDraftRow(
  db: DB | Transaction<Database>,
  actor: CitizenActor,
  id: string | null | undefined,
  now: Date,
) {
  if (!isCorrectionId(id)) return null
  const row = await db
    .selectFrom('correction_requests')
    .select(draftColumns)
    .where('id', '=', id)
    .where('bsn', '=', actor.bsn)
    .executeTakeFirst()
  if (!row) return null
  if (row.status === 'draft' && isDraftExpired(row.updated_at, now)) return null
  return row
}

/** The citizen's one open draft (app/domain/drafts.ts), unless it has expired. */
async function findOpenDraftRow(db: DB | Transaction<Database>, actor: CitizenActor, now: Date) {
  const row = await db
    .selectFrom('correction_requests')
    .select(draftColumns)
    .where('bsn', '=', actor.bsn)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return row && !isDraftExpired(row.updated_at, now) ? row : null
}

function toDraftView(row: NonNullable<Awaited<ReturnType<typeof findDraftRow>>>): CorrectionDraftView {
  return {
    id: row.id,
    field: row.field as CorrectableField,
    currentValue: row.current_value,
    proposedValue: row.proposed_value,
    explanation: row.explanation,
    evidence:
      row.evidence_name && row.evidence_type && row.evidence_size
        ? { name: row.evidence_name, type: row.evidence_type, size: row.evidence_size }
        : null,
  }
}

/**
 * The form: the items with their current values (a view of personal data, audited) and the
 * draft — the one named, or else the citizen's open draft, so that coming back resumes it.
 */
export async function getCorrectionForm(
  actor: CitizenActor,
  draftId: string | null,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<CorrectionForm> {
  return db.transaction().execute(async (trx) => {
    const person = await loadPerson(trx, actor.bsn)
    const named = await findDraftRow(trx, actor, draftId, now)
    const row = named?.status === 'draft' ? named : await findOpenDraftRow(trx, actor, now)
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'personal_data.viewed',
      subjectBsn: actor.bsn,
      resource: 'mijn/gegevens/correctie',
      details: { items: [...CORRECTABLE_FIELDS] },
    })
    return {
      items: CORRECTABLE_FIELDS.map((field) => ({ field, current: valueOf(person, field) })),
      draft: row?.status === 'draft' ? toDraftView(row) : null,
    }
  })
}

export type CorrectionFormError =
  | CorrectionFieldError
  | { field: 'evidence'; error: EvidenceError }
  // the citizen's files in drafts and open requests would pass UPLOAD_QUOTA_BYTES together
  | { field: 'evidence'; error: 'quota_exceeded' }

/**
 * Checks the form and keeps it as the citizen's one draft (app/domain/drafts.ts). With the id of
 * their open draft it changes that draft: a new file replaces the one kept; without a new file
 * the kept one stays unless `removeEvidence`. Without it (a second tab, a script posting again
 * and again) the open draft is replaced as a whole, never added to. All problems come back
 * together, the upload quota included.
 */
export async function saveCorrectionDraft(
  actor: CitizenActor,
  draftId: string | null,
  input: { field: string; proposedValue: string; explanation: string },
  evidence: EvidenceUpload | null,
  options: { removeEvidence?: boolean; now?: Date; db?: DB } = {},
): Promise<
  { ok: true; id: string } | { ok: false; errors: CorrectionFormError[]; keptEvidence: CorrectionDraftView['evidence'] }
> {
  refuseWhileImpersonating(actor)
  const now = options.now ?? new Date()
  const db = options.db ?? getDb()
  const person = await loadPerson(db, actor.bsn)
  const existing = await findDraftRow(db, actor, draftId, now)
  const draft = existing?.status === 'draft' ? existing : null
  const verdict = validateCorrection(input, (f) => valueOf(person, f), todayIn(now))
  const errors: CorrectionFormError[] = verdict.ok ? [] : [...verdict.errors]

  let file: { name: string; type: EvidenceType; size: number; bytes: Buffer } | null = null
  if (evidence) {
    // Judged as every upload is (app/services/uploads): by its content, and a photo stored
    // without its location.
    const { bytes: received } = evidence
    const asBuffer = received && Buffer.from(received.buffer, received.byteOffset, received.byteLength)
    const check = checkUpload({ ...evidence, bytes: asBuffer })
    if (!check.ok) errors.push({ field: 'evidence', error: evidenceError(check.code) })
    else {
      // The file replaces whatever the draft holds — an expired one's too: its old file does not count.
      const replaced =
        draft?.id ??
        (
          await db
            .selectFrom('correction_requests')
            .select('id')
            .where('bsn', '=', actor.bsn)
            .where('status', '=', 'draft')
            .executeTakeFirst()
        )?.id
      const { bytes, mediaType } = check.file
      if (exceedsUploadQuota(await uploadBytesInUse(actor.bsn, { db, except: replaced }), bytes.length))
        errors.push({ field: 'evidence', error: 'quota_exceeded' })
      else file = { name: safeFileName(evidence.name, mediaType), type: mediaType, size: bytes.length, bytes }
    }
  }
  const kept = draft && !options.removeEvidence ? toDraftView(draft).evidence : null
  if (!verdict.ok || errors.length) return { ok: false, errors, keptEvidence: kept }

  const values = {
    field: verdict.value.field,
    current_value: valueOf(person, verdict.value.field),
    proposed_value: verdict.value.proposedValue,
    explanation: verdict.value.explanation,
    updated_at: now,
    ...(file
      ? { evidence_name: file.name, evidence_type: file.type, evidence_size: file.size, evidence: file.bytes }
      : options.removeEvidence
        ? { evidence_name: null, evidence_type: null, evidence_size: null, evidence: null }
        : {}),
  }
  if (draft) {
    const changed = await db
      .updateTable('correction_requests')
      .set(values)
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(changed.numUpdatedRows) === 1) return { ok: true, id: draft.id }
    // Sent or purged meanwhile: start a new draft below.
  }
  // One open draft per citizen: a new one replaces it, file and all (index correction_requests_one_draft).
  const replacement = {
    ...values,
    created_at: now,
    ...(file ? {} : { evidence_name: null, evidence_type: null, evidence_size: null, evidence: null }),
  }
  const saved = await db
    .insertInto('correction_requests')
    .values({ bsn: actor.bsn, ...replacement })
    .onConflict((oc) => oc.column('bsn').where(OPEN_DRAFT).doUpdateSet(replacement))
    .returning('id')
    .executeTakeFirstOrThrow()
  return { ok: true, id: saved.id }
}

/** The check page: the draft as typed, or null when it is not this citizen's draft. */
export async function getCorrectionDraft(
  actor: CitizenActor,
  id: string | null,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<CorrectionDraftView | null> {
  const row = await findDraftRow(db, actor, id, now)
  return row?.status === 'draft' ? toDraftView(row) : null
}

/**
 * "Verstuur": the request becomes a case `brp_correctie` with its acknowledgement (cases service)
 * and an audit entry, in one transaction. The value is checked again against the register.
 */
export async function submitCorrection(
  actor: CitizenActor,
  id: string | null,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<
  | { ok: true; reference: string; caseId: string }
  | { ok: false; missing: true }
  | { ok: false; errors: CorrectionFieldError[] }
> {
  refuseWhileImpersonating(actor)
  try {
    return await db.transaction().execute(async (trx) => {
      if (!isCorrectionId(id)) return { ok: false as const, missing: true as const }
      await trx
        .selectFrom('correction_requests')
        .select('id')
        .where('id', '=', id)
        .where('bsn', '=', actor.bsn)
        .forUpdate()
        .executeTakeFirst()
      const row = await findDraftRow(trx, actor, id, now)
      if (!row || row.status !== 'draft') return { ok: false as const, missing: true as const }
      const person = await loadPerson(trx, actor.bsn)
      const verdict = validateCorrection(
        { field: row.field, proposedValue: row.proposed_value, explanation: row.explanation },
        (f) => valueOf(person, f),
        todayIn(now),
      )
      if (!verdict.ok) return { ok: false as const, errors: verdict.errors }
      const language =
        (await trx.selectFrom('contact_details').select(['language']).where('bsn', '=', actor.bsn).executeTakeFirst())
          ?.language ?? 'nl'
      const name = FIELD_NAMES[verdict.value.field][language]
      const received = await receiveCase(
        {
          caseTypeCode: 'brp_correctie',
          bsn: actor.bsn,
          subject: language === 'en' ? `Correction of your ${name}` : `Correctie van uw ${name}`,
          channel: 'internet',
          receivedOn: todayIn(now),
          source: 'portal',
          sourceEventId: `correction-request:${row.id}`,
          actor: 'citizen',
          occurredAt: now,
          now,
        },
        trx,
      )
      if (!received.ok) throw new Refused(received.code)
      await trx
        .updateTable('correction_requests')
        .set({
          status: 'submitted',
          case_id: received.caseId,
          current_value: valueOf(person, verdict.value.field),
          submitted_at: now,
          updated_at: now,
        })
        .where('id', '=', row.id)
        .execute()
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'correction.requested',
        subjectBsn: actor.bsn,
        resource: `case:${received.reference}`,
        details: { correctionRequestId: row.id, field: verdict.value.field, evidence: row.evidence_type !== null },
      })
      return { ok: true as const, reference: received.reference, caseId: received.caseId }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, missing: true }
    throw error
  }
}

export async function getSubmittedCorrection(
  actor: CitizenActor,
  id: string | null,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<{ reference: string; caseId: string; field: CorrectableField } | null> {
  const row = await findDraftRow(db, actor, id, now)
  if (!row || row.status === 'draft' || !row.case_id) return null
  const c = await db.selectFrom('cases').select(['reference']).where('id', '=', row.case_id).executeTakeFirstOrThrow()
  return { reference: c.reference, caseId: row.case_id, field: row.field as CorrectableField }
}
