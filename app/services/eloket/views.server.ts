/**
 * The check page ("Controleer uw gegevens") and the acknowledgement page of an application:
 * reading only, for the citizen whose application it is (anything else is `not_found`).
 */
import { getDb } from '../../../db/instance'
import type { DB } from '../../../db/client'
import { checkAll, feeOf, firstIncompletePageId, knownFacts, reviewRows } from '~/domain/eloket/engine'
import type { Fee, ServiceCode, Text } from '~/domain/eloket/form'
import type { LocalDate } from '~/domain/local-date'
import { findOwnApplication, formContext } from '~/services/eloket/drafts.server'
import { fileCounts, filesOf } from '~/services/eloket/files.server'
import type { CitizenActor } from '~/services/requests/kernel.server'

export interface ReviewRow {
  pageId: string
  questionId: string
  label: Text
  value: Text
  /** The value is what the municipality knows: changed with `?anders=1`. */
  known: boolean
  /** For a file question: the names of the files chosen. */
  files?: string[]
}

export type CheckPage =
  | { status: 'not_found' }
  | { status: 'incomplete'; pageId: string | null }
  | { status: 'submitted'; caseId: string }
  | {
      status: 'open' | 'awaiting_payment'
      id: string
      code: ServiceCode
      title: Text
      rows: ReviewRow[]
      facts: ReturnType<typeof knownFacts>
      fee: Fee | null
    }

export async function getCheckPage(
  actor: CitizenActor,
  code: string,
  id: string,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<CheckPage> {
  const app = await findOwnApplication(db, actor.bsn, id, { code, now })
  if (!app) return { status: 'not_found' }
  if (app.status === 'submitted' && app.caseId) return { status: 'submitted', caseId: app.caseId }
  const ctx = await formContext(actor.bsn, { db, now })
  const [counts, files] = await Promise.all([fileCounts(db, app.id), filesOf(db, app.id)])
  if (app.status === 'draft' && checkAll(app.service, app.answers, ctx, counts).length)
    return { status: 'incomplete', pageId: firstIncompletePageId(app.service, app.answers, ctx, counts) }
  return {
    status: app.status === 'awaiting_payment' ? 'awaiting_payment' : 'open',
    id: app.id,
    code: app.service.code,
    title: app.service.title,
    rows: reviewRows(app.service, app.answers, ctx).map((row) => {
      const named = files.filter((f) => f.question === row.questionId).map((f) => f.name)
      return named.length ? { ...row, files: named } : row
    }),
    facts: knownFacts(app.service, ctx, app.id),
    fee: feeOf(app.service, app.answers, ctx),
  }
}

export interface SentApplication {
  code: ServiceCode
  title: Text
  caseId: string
  reference: string
  /** The latest day of the decision (the case's term, Awb 4:13). */
  decisionDueOn: LocalDate
  acknowledgementId: string | null
}

/** The acknowledgement page: the case it became, its latest decision date, its letter. */
export async function getSentApplication(
  actor: CitizenActor,
  code: string,
  id: string,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<SentApplication | null> {
  const app = await findOwnApplication(db, actor.bsn, id, { code, now })
  if (!app || app.status !== 'submitted' || !app.caseId) return null
  const row = await db
    .selectFrom('cases as c')
    .select([
      'c.id',
      'c.reference',
      'c.decision_due_on',
      (eb) =>
        eb
          .selectFrom('letters as l')
          .select('l.id')
          .whereRef('l.case_id', '=', 'c.id')
          .where('l.template_code', '=', 'acknowledgement')
          .limit(1)
          .as('letter_id'),
    ])
    .where('c.id', '=', app.caseId)
    .where('c.bsn', '=', actor.bsn)
    .executeTakeFirst()
  if (!row) return null
  return {
    code: app.service.code,
    title: app.service.title,
    caseId: row.id,
    reference: row.reference,
    decisionDueOn: row.decision_due_on,
    acknowledgementId: row.letter_id,
  }
}
