/**
 * The caseworker's side of correction requests (Wet BRP art. 2.58): the list, one request with
 * its evidence, and the decision. Accepting corrects the data (the old value kept in
 * `person_changes`); refusing needs a reason. Either way the decision letter, written from the
 * `decided` event by the letters service, tells how to object (Awb 6:4, 7:1).
 */
import { personNameOf } from '~/domain/person-name'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { CORRECTABLE_FIELDS, type CorrectableField, type EvidenceType } from '~/domain/correction'
import { recordAudit } from '~/services/audit.server'
import { caseHandledBy, handledBy } from '~/services/cases/scope.server'
import { decideAndClose, decideInTransaction, type StaffActor } from '~/services/requests/kernel.server'
import { EVENT_TYPES, enqueueOutboundEvent, listDeliveriesForCase, type DeliveryView } from '~/services/outbound.server'
import { FIELD_NAMES, isCorrectionId, loadPerson, valueOf } from '~/services/requests/corrections.server'

// --- the caseworker -------------------------------------------------------------------------

export interface CorrectionListItem {
  id: string
  reference: string
  citizenName: string
  field: CorrectableField
  status: 'submitted' | 'accepted' | 'refused'
  submittedAt: Date
  hasEvidence: boolean
}

/**
 * The requests for the caseworker, open ones first. Like every caseworker function below, only
 * for an employee who handles BRP corrections (case-scope.server.ts): for anyone else the list
 * is empty and each request, and its evidence, is not found.
 */
export async function listCorrectionRequests(
  staff: StaffActor,
  { db = getDb() }: { db?: DB } = {},
): Promise<CorrectionListItem[]> {
  const rows = await db
    .selectFrom('correction_requests as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('persons as p', 'p.bsn', 'r.bsn')
    .select([
      'r.id',
      'r.status',
      'r.field',
      'r.submitted_at',
      'r.evidence_type',
      'c.reference',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
    ])
    .where('r.status', '!=', 'draft')
    .where(handledBy(staff.employeeId, 'c.case_type_code'))
    .orderBy((eb) => eb('r.status', '=', 'submitted'), 'desc')
    .orderBy('r.submitted_at', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    citizenName: personNameOf(r),
    field: r.field as CorrectableField,
    status: r.status as CorrectionListItem['status'],
    submittedAt: r.submitted_at!,
    hasEvidence: r.evidence_type !== null,
  }))
}

export interface CorrectionDetail extends CorrectionListItem {
  caseId: string
  currentValue: string | null
  registerValue: string | null
  proposedValue: string
  explanation: string
  evidence: { name: string; type: EvidenceType; size: number } | null
  decisionReason: string | null
  deliveries: DeliveryView[]
}

export async function getCorrectionForCaseworker(
  staff: StaffActor,
  id: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<CorrectionDetail | null> {
  if (!isCorrectionId(id)) return null
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('correction_requests')
      .select([
        'id',
        'bsn',
        'status',
        'field',
        'current_value',
        'proposed_value',
        'explanation',
        'evidence_name',
        'evidence_type',
        'evidence_size',
        'case_id',
        'decision_reason',
        'submitted_at',
      ])
      .where('id', '=', id)
      .where('status', '!=', 'draft')
      .where(caseHandledBy(staff.employeeId, 'case_id'))
      .executeTakeFirst()
    if (!row || !row.case_id) return null
    const [c, person] = await Promise.all([
      trx.selectFrom('cases').select(['reference']).where('id', '=', row.case_id).executeTakeFirstOrThrow(),
      loadPerson(trx, row.bsn),
    ])
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'personal_data.viewed',
      subjectBsn: row.bsn,
      resource: `correction-request:${row.id}`,
      reason: `case:${c.reference}`,
    })
    const field = row.field as CorrectableField
    return {
      id: row.id,
      caseId: row.case_id,
      reference: c.reference,
      citizenName: personNameOf(person),
      field,
      status: row.status as CorrectionListItem['status'],
      submittedAt: row.submitted_at!,
      hasEvidence: row.evidence_type !== null,
      currentValue: row.current_value,
      registerValue: valueOf(person, field),
      proposedValue: row.proposed_value,
      explanation: row.explanation,
      evidence:
        row.evidence_name && row.evidence_type && row.evidence_size
          ? { name: row.evidence_name, type: row.evidence_type, size: row.evidence_size }
          : null,
      decisionReason: row.decision_reason,
      deliveries: await listDeliveriesForCase(row.case_id, trx),
    }
  })
}

/** The evidence file for the caseworker; opening it is audited. */
export async function getEvidenceForCaseworker(
  staff: StaffActor,
  id: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<{ name: string; type: EvidenceType; bytes: Buffer } | null> {
  if (!isCorrectionId(id)) return null
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('correction_requests')
      .select(['bsn', 'evidence', 'evidence_name', 'evidence_type'])
      .where('id', '=', id)
      .where('status', '!=', 'draft')
      .where(caseHandledBy(staff.employeeId, 'case_id'))
      .executeTakeFirst()
    if (!row?.evidence || !row.evidence_type || !row.evidence_name) return null
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'correction.evidence_viewed',
      subjectBsn: row.bsn,
      resource: `correction-request:${id}`,
    })
    return { name: row.evidence_name, type: row.evidence_type, bytes: row.evidence }
  })
}

export type DecideCorrectionResult =
  { ok: true } | { ok: false; error: 'not_found' | 'already_decided' | 'register_changed' | 'case_refused' }

function columnValue(field: CorrectableField, value: string): string | null {
  return field === 'name_prefix' && value === '' ? null : value
}

/**
 * Accepts a correction, in one transaction: the person's data corrected, the old value kept in
 * `person_changes`, the case decided (granted) and closed through the cases service (letter), a
 * "person corrected" event for the subscribed systems, and the audit entry. If the register
 * changed since the request, the caseworker must look again.
 */
export async function acceptCorrection(
  staff: StaffActor,
  id: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<DecideCorrectionResult> {
  if (!isCorrectionId(id)) return { ok: false, error: 'not_found' }
  return decideInTransaction(db, async (trx): Promise<DecideCorrectionResult> => {
    const row = await trx
      .selectFrom('correction_requests')
      .selectAll()
      .where('id', '=', id)
      .where('status', '!=', 'draft')
      .where(caseHandledBy(staff.employeeId, 'case_id'))
      .forUpdate()
      .executeTakeFirst()
    if (!row || !row.case_id) return { ok: false, error: 'not_found' }
    if (row.status !== 'submitted') return { ok: false, error: 'already_decided' }
    const field = row.field as CorrectableField
    if (!(CORRECTABLE_FIELDS as readonly string[]).includes(field)) return { ok: false, error: 'not_found' }
    await trx.selectFrom('persons').select('bsn').where('bsn', '=', row.bsn).forUpdate().executeTakeFirstOrThrow()
    const person = await loadPerson(trx, row.bsn)
    const before = valueOf(person, field)
    if ((before ?? '') !== (row.current_value ?? '')) return { ok: false, error: 'register_changed' }
    const after = columnValue(field, row.proposed_value)
    await trx
      .updateTable('persons')
      .set({ [field]: after, updated_at: now })
      .where('bsn', '=', row.bsn)
      .execute()
    await trx
      .insertInto('person_changes')
      .values({
        bsn: row.bsn,
        field,
        old_value: before,
        new_value: after,
        changed_at: now,
        source: 'correctie',
        case_id: row.case_id,
        actor: `employee:${staff.employeeId}`,
      })
      .execute()
    const language =
      (await trx.selectFrom('contact_details').select(['language']).where('bsn', '=', row.bsn).executeTakeFirst())
        ?.language ?? 'nl'
    const name = FIELD_NAMES[field][language]
    const summary =
      language === 'en'
        ? `We have corrected your ${name} in the Personal Records Database (BRP). It is now: ${after ?? '(none)'}.`
        : `Wij hebben uw ${name} verbeterd in de Basisregistratie Personen (BRP). Het is nu: ${after ?? '(geen)'}.`
    const reasons =
      language === 'en'
        ? `We checked your request and the evidence. Your ${name} in the BRP was not right. So we have corrected it.`
        : `Wij hebben uw verzoek en de bewijsstukken nagekeken. Uw ${name} in de BRP klopte niet. Daarom hebben wij het verbeterd.`
    await decideAndClose(
      trx,
      staff,
      `correction-request:${row.id}`,
      row.case_id,
      { outcome: 'granted', summary, reasons },
      now,
    )
    await enqueueOutboundEvent(trx, {
      type: EVENT_TYPES.personCorrected,
      subject: `correction:${row.id}`,
      caseId: row.case_id,
      occurredAt: now,
      // Whose record and which item changed; the receiver reads the value from the BRP.
      data: { bsn: row.bsn, gegeven: field },
    })
    await trx
      .updateTable('correction_requests')
      .set({ status: 'accepted', decided_at: now, decided_by: staff.employeeId, updated_at: now })
      .where('id', '=', row.id)
      .execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'personal_data.corrected',
      subjectBsn: row.bsn,
      resource: `correction-request:${row.id}`,
      details: { field },
    })
    return { ok: true }
  })
}

/**
 * Refuses a correction with a reason. The reason goes into the `decided` event's summary, from
 * which the letters service writes the decision letter that explains how to object (Awb 6:4).
 */
export async function refuseCorrection(
  staff: StaffActor,
  id: string,
  reason: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<DecideCorrectionResult> {
  if (!isCorrectionId(id)) return { ok: false, error: 'not_found' }
  return decideInTransaction(db, async (trx): Promise<DecideCorrectionResult> => {
    const row = await trx
      .selectFrom('correction_requests')
      .select(['id', 'bsn', 'status', 'case_id'])
      .where('id', '=', id)
      .where('status', '!=', 'draft')
      .where(caseHandledBy(staff.employeeId, 'case_id'))
      .forUpdate()
      .executeTakeFirst()
    if (!row || !row.case_id) return { ok: false, error: 'not_found' }
    if (row.status !== 'submitted') return { ok: false, error: 'already_decided' }
    const language =
      (await trx.selectFrom('contact_details').select(['language']).where('bsn', '=', row.bsn).executeTakeFirst())
        ?.language ?? 'nl'
    const citizenOptions =
      language === 'en'
        ? 'Do you have a document that shows your details are wrong, such as a certificate or a passport? Then you can send a new request with it. Do you need help? Call 14 050.'
        : 'Heeft u een bewijsstuk dat laat zien dat uw gegevens niet kloppen? Bijvoorbeeld een akte of een paspoort. Dan kunt u daarmee een nieuw verzoek doen. Heeft u hulp nodig? Bel 14 050.'
    await decideAndClose(
      trx,
      staff,
      `correction-request:${row.id}`,
      row.case_id,
      { outcome: 'refused', reasons: reason, citizenOptions },
      now,
    )
    await trx
      .updateTable('correction_requests')
      .set({
        status: 'refused',
        decision_reason: reason,
        decided_at: now,
        decided_by: staff.employeeId,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute()
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'correction.refused',
      subjectBsn: row.bsn,
      resource: `correction-request:${row.id}`,
    })
    return { ok: true }
  })
}
