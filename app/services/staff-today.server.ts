/**
 * "What is mine today?" (the staff start page, app/routes/medewerker+/_index.tsx) for each role the employee holds:
 * - caseworker: their own cases at risk and overdue first, their cases whose requested
 *   information came in, the citizens' messages waiting for an answer (and how many are late),
 *   then what waits in the shared lists (moves to check, corrections to decide, letters to print);
 * - support: whether they are looking along now, and how often they did today;
 * - manager: the municipality's overdue and nearly overdue cases, and the looking-along of the
 *   last seven days to review.
 */
import { sql } from 'kysely'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import type { Language } from '~/i18n'
import type { StaffUser } from './auth/user.server'
import { listCasesForStaff } from '~/services/cases/access.server'
import { AT_RISK_WORKING_DAYS, withInformationReceived } from '~/services/cases/caseworker.server'
import { listWaitingConversations } from '~/services/messages/worklist.server'
import { municipalToday } from './calendar.server'
import { casesAtRisk, getCasesAtRiskForEmployee } from './quality/cases-at-risk.server'

export interface StaffToday {
  caseworker: {
    atRisk: Awaited<ReturnType<typeof getCasesAtRiskForEmployee>>
    movesToCheck: number
    correctionsToDecide: number
    lettersToPrint: number
    /** their own cases whose answer to a request for information came in (the work list's filter) */
    informationReceived: number
    /** the citizens' messages on the cases they handle still without an answer, and how many are late */
    messagesWaiting: number
    messagesLate: number
  } | null
  support: { viewingsToday: number } | null
  manager: { overdue: number; atRisk: number; viewingsThisWeek: number } | null
}

const count = (n: { n: number } | undefined) => n?.n ?? 0

export async function getStaffToday(
  staff: StaffUser,
  lang: Language,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<StaffToday> {
  const has = (role: string) => staff.roles.includes(role as never)
  const [caseworker, support, manager] = await Promise.all([
    has('caseworker') ? caseworkerToday(db, staff, lang, now) : null,
    has('support') ? supportToday(db, staff, now) : null,
    has('manager') ? managerToday(db, lang, now) : null,
  ])
  return { caseworker, support, manager }
}

async function caseworkerToday(db: DB, staff: StaffUser, lang: Language, now: Date) {
  const today = municipalToday(now)
  const [atRisk, mine, conversations, moves, corrections, letters] = await Promise.all([
    getCasesAtRiskForEmployee(staff.employeeId, { lang, now, db }),
    listCasesForStaff(staff, { mine: true }, { lang, today, db }),
    listWaitingConversations(staff, { lang, today, db }),
    db
      .selectFrom('move_requests')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'submitted')
      .executeTakeFirst(),
    db
      .selectFrom('correction_requests')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'submitted')
      .executeTakeFirst(),
    db
      .selectFrom('letters')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('delivery', '=', 'paper')
      .where('printed_at', 'is', null)
      .executeTakeFirst(),
  ])
  return {
    atRisk,
    movesToCheck: count(moves),
    correctionsToDecide: count(corrections),
    lettersToPrint: count(letters),
    informationReceived: withInformationReceived(mine).length,
    messagesWaiting: conversations.reduce((sum, c) => sum + c.waiting, 0),
    messagesLate: conversations.reduce((sum, c) => sum + c.late, 0),
  }
}

/** Midnight of today in Europe/Amsterdam, the municipality's "today". */
const startOfToday = (now: Date) =>
  sql<Date>`(date_trunc('day', ${now}::timestamptz at time zone 'Europe/Amsterdam') at time zone 'Europe/Amsterdam')`

async function supportToday(db: DB, staff: StaffUser, now: Date) {
  const row = await db
    .selectFrom('impersonations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('employee_id', '=', staff.employeeId)
    .where('started_at', '>=', startOfToday(now))
    .executeTakeFirst()
  return { viewingsToday: count(row) }
}

async function managerToday(db: DB, lang: Language, now: Date) {
  const [risky, viewings] = await Promise.all([
    casesAtRisk({ withinWorkingDays: AT_RISK_WORKING_DAYS }, { today: municipalToday(now), lang, limit: 10_000, db }),
    db
      .selectFrom('impersonations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('started_at', '>', sql<Date>`${now}::timestamptz - interval '7 days'`)
      .executeTakeFirst(),
  ])
  return {
    overdue: risky.filter((c) => c.risk === 'overdue').length,
    atRisk: risky.filter((c) => c.risk === 'at_risk').length,
    viewingsThisWeek: count(viewings),
  }
}
