/**
 * "Mijn aanvragen" and a service's start page: what the citizen can apply for online, their
 * drafts with the day each is kept until, what waits for a payment, and what they sent lately
 * with its case. Reading only; a staff member looking along sees the same.
 */
import { getDb } from '../../../db/instance'
import type { DB } from '../../../db/client'
import { feeOf, knownFacts, serviceByCode, SERVICES } from '~/domain/eloket/engine'
import type { ServiceCode, Text } from '~/domain/eloket/form'
import { draftCutoff, draftExpiresAt } from '~/domain/drafts'
import { formContext } from '~/services/eloket/drafts.server'
import type { CitizenActor } from '~/services/requests/kernel.server'

/** How far back "Verstuurd" lists applications; older ones are under Mijn zaken. */
const SENT_DAYS = 90
const DAY_MS = 24 * 60 * 60 * 1000

export interface ServiceItem {
  code: ServiceCode
  title: Text
  summary: Text
  /** The fee before any answer, if the service costs money. */
  feeCents: number | null
}

export interface ApplicationsOverview {
  services: ServiceItem[]
  drafts: Array<{ id: string; code: string; title: Text; keptUntil: string }>
  awaitingPayment: Array<{ id: string; code: string; title: Text; feeCents: number | null }>
  sent: Array<{ id: string; code: string; title: Text; caseId: string; reference: string; submittedAt: string }>
}

export async function getApplicationsOverview(
  actor: CitizenActor,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<ApplicationsOverview> {
  const [ctx, rows] = await Promise.all([
    formContext(actor.bsn, { db, now }),
    db
      .selectFrom('applications as a')
      .leftJoin('cases as c', 'c.id', 'a.case_id')
      .select([
        'a.id',
        'a.service',
        'a.status',
        'a.updated_at',
        'a.fee_cents',
        'a.submitted_at',
        'a.case_id',
        'c.reference',
      ])
      .where('a.bsn', '=', actor.bsn)
      .where((eb) =>
        eb.or([
          eb.and([eb('a.status', '=', 'draft'), eb('a.updated_at', '>', draftCutoff(now))]),
          eb('a.status', '=', 'awaiting_payment'),
          eb.and([
            eb('a.status', '=', 'submitted'),
            eb('a.submitted_at', '>', new Date(now.getTime() - SENT_DAYS * DAY_MS)),
          ]),
        ]),
      )
      .orderBy('a.updated_at', 'desc')
      .execute(),
  ])
  const overview: ApplicationsOverview = {
    services: SERVICES.map((s) => ({
      code: s.code,
      title: s.title,
      summary: s.summary,
      feeCents: feeOf(s, {}, ctx)?.amountCents ?? null,
    })),
    drafts: [],
    awaitingPayment: [],
    sent: [],
  }
  for (const row of rows) {
    const service = serviceByCode(row.service)
    if (!service) continue
    const item = { id: row.id, code: service.code, title: service.title }
    if (row.status === 'draft')
      overview.drafts.push({ ...item, keptUntil: draftExpiresAt(row.updated_at).toISOString() })
    else if (row.status === 'awaiting_payment') overview.awaitingPayment.push({ ...item, feeCents: row.fee_cents })
    else if (row.case_id && row.reference && row.submitted_at)
      overview.sent.push({
        ...item,
        caseId: row.case_id,
        reference: row.reference,
        submittedAt: row.submitted_at.toISOString(),
      })
  }
  return overview
}

export type StartPage =
  | { status: 'not_found' }
  | {
      status: 'open'
      code: ServiceCode
      title: Text
      summary: Text
      before: Text[]
      feeCents: number | null
      /** How long the decision takes at most, as the case type says (its lead time). */
      leadTime: { amount: number; unit: 'days' | 'weeks' } | null
      facts: ReturnType<typeof knownFacts>
      unavailable: Text | null
      /** The open draft, to resume. */
      draft: { id: string; keptUntil: string } | null
    }

/** The start page of a service: what it is, what to have at hand, the fee, the term, the draft. */
export async function getStartPage(
  actor: CitizenActor,
  code: string,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<StartPage> {
  const service = serviceByCode(code)
  if (!service) return { status: 'not_found' }
  const [ctx, caseType, draft] = await Promise.all([
    formContext(actor.bsn, { db, now }),
    db
      .selectFrom('case_types')
      .select(['lead_time_amount', 'lead_time_unit'])
      .where('code', '=', service.caseType)
      .executeTakeFirst(),
    db
      .selectFrom('applications')
      .select(['id', 'updated_at'])
      .where('bsn', '=', actor.bsn)
      .where('service', '=', service.code)
      .where('status', '=', 'draft')
      .where('updated_at', '>', draftCutoff(now))
      .executeTakeFirst(),
  ])
  return {
    status: 'open',
    code: service.code,
    title: service.title,
    summary: service.summary,
    before: service.before,
    feeCents: feeOf(service, {}, ctx)?.amountCents ?? null,
    leadTime: caseType ? { amount: caseType.lead_time_amount, unit: caseType.lead_time_unit } : null,
    facts: knownFacts(service, ctx),
    unavailable: service.unavailable?.(ctx) ?? null,
    draft: draft ? { id: draft.id, keptUntil: draftExpiresAt(draft.updated_at).toISOString() } : null,
  }
}
