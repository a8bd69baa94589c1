/**
 * PLACEHOLDER on the payments branch, with the signature FLOW delivers in this file: the lead
 * takes FLOW's version at the merge. It turns an application into its case (channel internet)
 * under a lock on the application row, once; enough for the payment tests to run meanwhile.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import { todayIn } from '~/domain/local-date'
import { receiveCase } from '~/services/cases/record.server'

export async function submitApplication(
  trx: Transaction<Database>,
  applicationId: string,
  { now }: { now: Date; paymentId?: string },
): Promise<{ caseId: string; reference: string; duplicate: boolean }> {
  const app = await trx
    .selectFrom('applications')
    .select(['id', 'bsn', 'service', 'status', 'case_id'])
    .where('id', '=', applicationId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (app.status === 'submitted' && app.case_id) {
    const c = await trx.selectFrom('cases').select('reference').where('id', '=', app.case_id).executeTakeFirstOrThrow()
    return { caseId: app.case_id, reference: c.reference, duplicate: true }
  }
  const received = await receiveCase(
    {
      caseTypeCode: app.service === 'parkeervergunning' ? 'parkeervergunning' : 'subsidie',
      bsn: app.bsn,
      subject: `Aanvraag ${app.service}`,
      channel: 'internet',
      receivedOn: todayIn(now),
      source: 'portal',
      sourceEventId: `application:${app.id}`,
      actor: 'citizen',
      occurredAt: now,
      now,
      beforeLetters: async (t, created) => {
        await t
          .updateTable('applications')
          .set({ status: 'submitted', case_id: created.caseId, submitted_at: now, updated_at: now })
          .where('id', '=', app.id)
          .execute()
      },
    },
    trx,
  )
  if (!received.ok) throw new Error(`case not received: ${received.code}`)
  return { caseId: received.caseId, reference: received.reference, duplicate: false }
}
