/** The citizen's cases: "Mijn zaken", one case, and the overview on /mijn. */
import { sql } from 'kysely'
import type { DB, Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Language } from '~/domain/language'
import { compareLocalDate, type LocalDate } from '~/domain/local-date'
import { municipalToday } from '~/services/calendar.server'
import { caseVisibleToCitizen } from '~/services/cases/parties.server'
import { buildDetail, detailColumns, type CaseDetail } from '~/services/cases/detail.server'
import { isCaseId } from '~/services/cases/results.server'
import {
  byMostRecentlyFinished,
  byUrgency,
  isOpen,
  summarise,
  summaryColumns,
  type CaseSummary,
} from '~/services/cases/summaries.server'

export interface CitizenCaseList {
  /** Still running (open or waiting for the citizen), what needs action first. */
  open: CaseSummary[]
  /** Decided or closed, most recent first. */
  finished: CaseSummary[]
}

/** "Mijn zaken": every case of this citizen, and only theirs (app/services/cases/parties.server.ts). */
export async function listCasesForCitizen(
  bsn: string,
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
): Promise<CitizenCaseList> {
  const rows = await db.selectFrom('cases as c').select(summaryColumns).where(caseVisibleToCitizen(bsn)).execute()
  const all = await summarise(db, rows, lang, today)
  return {
    open: all.filter(isOpen).sort(byUrgency),
    finished: all.filter((c) => !isOpen(c)).sort(byMostRecentlyFinished),
  }
}

/**
 * One case of this citizen. Another citizen's case, an unknown id and a malformed one all give
 * the same `null`, so a route answers the same 404 and nobody learns which ids exist.
 */
export async function getCaseForCitizen(
  bsn: string,
  caseId: string,
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
): Promise<CaseDetail | null> {
  if (!isCaseId(caseId)) return null
  const row = await db
    .selectFrom('cases as c')
    .select(detailColumns)
    .where('c.id', '=', caseId)
    .where(caseVisibleToCitizen(bsn))
    .executeTakeFirst()
  if (!row) return null
  return buildDetail(db, row, lang, today, { bsn })
}

export interface CitizenOverview {
  /** Cases waiting for the citizen's information, the nearest answer date first. */
  actionNeeded: Array<{
    id: string
    reference: string
    caseType: string
    subject: string
    information: string
    respondBy: LocalDate
  }>
  openCases: CaseSummary[]
  openCount: number
  unreadLetters: number
  /** The next date that matters: a day to answer by, or the nearest decision date. */
  nextDate: {
    date: LocalDate
    kind: 'respond_by' | 'decision_due'
    caseId: string
    reference: string
    caseType: string
  } | null
}

/** "Mijn overzicht" (/mijn): is there anything I need to do? */
export async function getOverviewForCitizen(
  bsn: string,
  lang: Language,
  today: LocalDate = municipalToday(),
  db: DB = getDb(),
): Promise<CitizenOverview> {
  const [rows, unread] = await Promise.all([
    db
      .selectFrom('cases as c')
      .select(summaryColumns)
      .where(caseVisibleToCitizen(bsn))
      .where('c.status', 'in', ['open', 'suspended'])
      .execute(),
    db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('bsn', '=', bsn)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  const open = (await summarise(db, rows, lang, today)).sort(byUrgency)
  const waiting = open.filter((c) => c.actionNeeded && c.respondBy)
  // Asked of the applicant: a co-mover who may read a move's case is not the one to answer.
  const requests = await latestInformationRequests(
    db,
    bsn,
    waiting.map((c) => c.id),
  )
  const actionNeeded = waiting
    .filter((c) => requests.has(c.id))
    .map((c) => ({
      id: c.id,
      reference: c.reference,
      caseType: c.caseType,
      subject: c.subject,
      information: requests.get(c.id) ?? '',
      respondBy: c.respondBy!,
    }))
    .sort((a, b) => compareLocalDate(a.respondBy, b.respondBy))
  const candidates = [
    ...actionNeeded.map((c) => ({
      date: c.respondBy,
      kind: 'respond_by' as const,
      caseId: c.id,
      reference: c.reference,
      caseType: c.caseType,
    })),
    ...open
      .filter((c) => !c.overdue && !c.actionNeeded)
      .map((c) => ({
        date: c.decisionDueOn,
        kind: 'decision_due' as const,
        caseId: c.id,
        reference: c.reference,
        caseType: c.caseType,
      })),
  ].sort((a, b) => compareLocalDate(a.date, b.date))
  return {
    actionNeeded,
    openCases: open,
    openCount: open.length,
    unreadLetters: unread.count,
    nextDate: candidates[0] ?? null,
  }
}

async function latestInformationRequests(db: Executor, bsn: string, caseIds: string[]): Promise<Map<string, string>> {
  if (caseIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.case_id', 'e.payload'])
    .distinctOn('e.case_id')
    .where('e.case_id', 'in', caseIds)
    .where('c.bsn', '=', bsn)
    .where('e.type', '=', 'suspended')
    .orderBy('e.case_id')
    .orderBy('e.seq', 'desc')
    .execute()
  return new Map(rows.map((r) => [r.case_id, String(r.payload.information ?? '')]))
}
