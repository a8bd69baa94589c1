/**
 * Sending an e-loket application: in ONE transaction, under a lock on the application's row, it
 * becomes a case (channel internet, the service's case type; the cases service writes the
 * acknowledgement letter, Awb 4:3a), with the answers as a PDF (kind 'application') and the
 * files (kind 'attachment') as its documents, the application marked sent and linked, and the
 * audit entry. Sent twice (a double click, two tabs, a payment's webhook and its return page at
 * once), the second waits for the lock, finds it sent, and answers with the same case.
 */
import type { Transaction } from 'kysely'
import { getDb } from '../../../db/instance'
import type { DB } from '../../../db/client'
import type { Database } from '../../../db/schema'
import { applicationDocumentTitle, composeApplicationDocument } from '~/domain/eloket/application-document'
import {
  checkAll,
  feeOf,
  firstIncompletePageId,
  knownFacts,
  reviewRows,
  serviceByCode,
  subjectOf,
} from '~/domain/eloket/engine'
import type { Fee, Text } from '~/domain/eloket/form'
import { isUuid } from '~/domain/ids'
import { todayIn } from '~/domain/local-date'
import { recordAudit } from '~/services/audit.server'
import { addDocuments } from '~/services/cases/documents.server'
import { receiveCase } from '~/services/cases/record.server'
import { formContext, findOwnApplication } from '~/services/eloket/drafts.server'
import { fileCounts } from '~/services/eloket/files.server'
import { renderDocumentPdf } from '~/services/letters/pdf.server'
import { citizenAudit, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import type { ActorKind } from '../../../db/schema'

/** Why an application cannot be sent (thrown inside the transaction, which rolls back). */
export class ApplicationNotSubmittable extends Error {
  constructor(
    readonly reason: 'not_found' | 'incomplete' | 'payment_required' | 'case_refused',
    /** incomplete: the first page with something missing, to send the citizen to */
    readonly pageId: string | null = null,
  ) {
    super(`application not submittable: ${reason}`)
    this.name = 'ApplicationNotSubmittable'
  }
}

const SENDER = 'Gemeente Groningen'

/**
 * The interface the payments use as well: on 'paid' they call it with their `paymentId` in the
 * transaction that records the paid state. A service with a fee is sent only with a paid
 * payment of this application. Throws ApplicationNotSubmittable.
 */
export async function submitApplication(
  trx: Transaction<Database>,
  applicationId: string,
  { now, paymentId, actor }: { now: Date; paymentId?: string; actor?: CitizenActor },
): Promise<{ caseId: string; reference: string; duplicate: boolean }> {
  if (!isUuid(applicationId)) throw new ApplicationNotSubmittable('not_found')
  const row = await trx
    .selectFrom('applications')
    .select(['id', 'bsn', 'service', 'status', 'answers', 'language', 'case_id'])
    .where('id', '=', applicationId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new ApplicationNotSubmittable('not_found')
  if (row.status === 'submitted' && row.case_id) {
    const sent = await trx
      .selectFrom('cases')
      .select(['id', 'reference'])
      .where('id', '=', row.case_id)
      .executeTakeFirstOrThrow()
    return { caseId: sent.id, reference: sent.reference, duplicate: true }
  }
  const service = serviceByCode(row.service)
  if (!service) throw new ApplicationNotSubmittable('not_found')
  const answers = row.answers
  const ctx = await formContext(row.bsn, { db: trx, now })
  const counts = await fileCounts(trx, row.id)
  // Re-checked against today's facts: an answer the citizen gave days ago may no longer hold.
  if (checkAll(service, answers, ctx, counts).length)
    throw new ApplicationNotSubmittable('incomplete', firstIncompletePageId(service, answers, ctx, counts))
  if (feeOf(service, answers, ctx)) {
    const paid = paymentId
      ? await trx
          .selectFrom('payments')
          .select('id')
          .where('id', '=', paymentId)
          .where('application_id', '=', row.id)
          .where('status', '=', 'paid')
          .executeTakeFirst()
      : undefined
    if (!paid) throw new ApplicationNotSubmittable('payment_required')
  }

  const language = row.language
  const today = todayIn(now)
  const caseType = await trx
    .selectFrom('case_types')
    .select(['name_nl', 'name_en'])
    .where('code', '=', service.caseType)
    .executeTakeFirst()
  const what = caseType ? (language === 'en' ? caseType.name_en : caseType.name_nl) : service.title[language]
  const files = await trx
    .selectFrom('application_files')
    .select(['question', 'name', 'media_type', 'bytes'])
    .where('application_id', '=', row.id)
    .orderBy('seq')
    .execute()
  const questionLabel = (id: string): Text => {
    for (const page of service.pages) for (const q of page.questions) if (q.id === id) return q.short ?? q.label
    return { nl: id, en: id }
  }

  const received = await receiveCase(
    {
      caseTypeCode: service.caseType,
      bsn: row.bsn,
      subject: subjectOf(service, answers, ctx)[language],
      channel: 'internet',
      receivedOn: today,
      source: 'portal',
      sourceEventId: `application:${row.id}`,
      actor: 'citizen',
      occurredAt: now,
      now,
      // The documents and the link, before the acknowledgement is written: it commits with them.
      beforeLetters: async (t, created) => {
        const pdf = await renderDocumentPdf(
          composeApplicationDocument({
            language,
            what,
            reference: created.reference,
            name: ctx.known.name,
            sentOn: today,
            rows: reviewRows(service, answers, ctx),
            facts: knownFacts(service, ctx),
            files: files.map((f) => ({ question: questionLabel(f.question), name: f.name })),
          }),
          { author: SENDER, subject: created.reference },
        )
        await addDocuments(
          t,
          created.caseId,
          [
            {
              kind: 'application',
              title: `${applicationDocumentTitle(language, what)}.pdf`,
              mediaType: 'application/pdf',
              bytes: pdf,
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
        await t
          .updateTable('applications')
          .set({ status: 'submitted', case_id: created.caseId, submitted_at: now, updated_at: now })
          .where('id', '=', row.id)
          .execute()
        await t.deleteFrom('application_files').where('application_id', '=', row.id).execute()
      },
    },
    trx,
  )
  if (!received.ok) throw new ApplicationNotSubmittable('case_refused')
  const who: { actorKind: ActorKind; actorId: string } = actor
    ? citizenAudit(actor)
    : paymentId
      ? { actorKind: 'system', actorId: 'system:payments' }
      : { actorKind: 'citizen', actorId: 'citizen' }
  await recordAudit(trx, {
    ...who,
    action: 'application.submitted',
    subjectBsn: row.bsn,
    resource: `case:${received.reference}`,
    details: { service: service.code, application: row.id, attachments: files.length, paid: Boolean(paymentId) },
  })
  return { caseId: received.caseId, reference: received.reference, duplicate: false }
}

// --- the check page's button ----------------------------------------------------------------

export type SendResult =
  | { status: 'not_found' }
  | { status: 'incomplete'; pageId: string | null }
  | { status: 'submitted'; caseId: string; reference: string; duplicate: boolean }
  /** A service with a fee: the application waits for its payment (the route starts it). */
  | { status: 'pay'; fee: Fee }
  | { status: 'awaiting_payment' }

/**
 * "Verzenden" / "Verder naar betalen" on the check page. Without a fee, the application is sent
 * (submitApplication). With one, its answers are checked and it is set to wait for the payment
 * with the fee fixed (`fee_cents`); the route then starts the payment.
 */
export async function sendApplication(
  actor: CitizenActor,
  code: string,
  id: string,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<SendResult> {
  refuseWhileImpersonating(actor)
  try {
    return await db.transaction().execute(async (trx): Promise<SendResult> => {
      const app = await findOwnApplication(trx, actor.bsn, id, { code, now, forUpdate: true })
      if (!app) return { status: 'not_found' }
      if (app.status === 'awaiting_payment') return { status: 'awaiting_payment' }
      if (app.status === 'draft') {
        const ctx = await formContext(actor.bsn, { db: trx, now })
        const counts = await fileCounts(trx, app.id)
        if (checkAll(app.service, app.answers, ctx, counts).length)
          return { status: 'incomplete', pageId: firstIncompletePageId(app.service, app.answers, ctx, counts) }
        const fee = feeOf(app.service, app.answers, ctx)
        if (fee) {
          await trx
            .updateTable('applications')
            .set({ status: 'awaiting_payment', fee_cents: fee.amountCents, updated_at: now })
            .where('id', '=', app.id)
            .execute()
          return { status: 'pay', fee }
        }
      }
      return { status: 'submitted', ...(await submitApplication(trx, app.id, { now, actor })) }
    })
  } catch (error) {
    if (error instanceof ApplicationNotSubmittable) {
      if (error.reason === 'incomplete') return { status: 'incomplete', pageId: error.pageId }
      if (error.reason === 'payment_required') return { status: 'awaiting_payment' }
      if (error.reason === 'not_found') return { status: 'not_found' }
    }
    throw error
  }
}
