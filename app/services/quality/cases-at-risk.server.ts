/**
 * The cases whose decision term runs out (Awb 4:13, 4:14): for the caseworker's start page and
 * the manager's view of everyone's. The terms are those of terms-sql.server.ts.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Language } from '~/domain/language'
import { addDays, type LocalDate } from '~/domain/local-date'
import { AT_RISK_WORKING_DAYS } from '~/services/cases/caseworker.server'
import { municipalToday } from '~/services/calendar.server'
import { caseTypesHandledBy } from '~/services/cases/scope.server'
import {
  CALENDAR_REACH_DAYS,
  EXTENSION_DAYS,
  LEAD_DAYS,
  calendarCtes,
  decreeDays,
  termCtes,
  workingDaysAfter,
} from './terms-sql.server'

export interface CaseAtRisk {
  id: string
  reference: string
  caseTypeCode: string
  caseType: string
  subject: string
  receivedOn: LocalDate
  decisionDueOn: LocalDate
  contactEmployeeId: string | null
  /** overdue: the decision date has passed; at_risk: it falls within the next N working days. */
  risk: 'overdue' | 'at_risk'
  /** Working days from today to the decision date (0 on the day itself); negative when overdue. */
  workingDaysLeft: number
  /** Calendar days past the decision date; 0 when not overdue. */
  daysOverdue: number
  extended: boolean
  /** Awb 4:14: an extension can still be announced (allowed for the type, not used, in time). */
  canExtend: boolean
}

/**
 * The charter's promise to say when more time is needed, and Awb 4:14: open cases whose
 * decision date falls within `withinWorkingDays` working days and have not been extended — an
 * extension must go out before the term ends — and every overdue case. A case already extended
 * and near its new date is listed too (it can only be decided now: `canExtend` is false).
 * A case waiting for the citizen's information inside the day given to answer is not at risk:
 * its clock stands still (Awb 4:15). Overdue first, then the nearest date.
 */
export async function casesAtRisk(
  which: {
    withinWorkingDays: number
    contactEmployeeId?: string
    /** only the case types this employee handles (app/services/cases/scope.server.ts) */
    handledBy?: string
  },
  {
    today,
    lang = 'nl',
    extraNonWorkingDays = decreeDays(),
    limit = 200,
    db = getDb(),
  }: {
    today: LocalDate
    lang?: Language
    extraNonWorkingDays?: readonly LocalDate[]
    limit?: number
    db?: DB
  },
): Promise<CaseAtRisk[]> {
  const { withinWorkingDays, contactEmployeeId, handledBy } = which
  const extraDays = extraNonWorkingDays
  const byContact = contactEmployeeId === undefined ? sql`true` : sql`c.contact_employee_id = ${contactEmployeeId}`
  const byScope = handledBy === undefined ? sql`true` : sql`c.case_type_code in ${caseTypesHandledBy(handledBy)}`
  const { rows } = await sql<{
    id: string
    reference: string
    case_type_code: string
    name_nl: string
    name_en: string
    subject: string
    received_on: LocalDate
    due_on: LocalDate
    contact_employee_id: string | null
    working_days_left: number
    days_overdue: number
    extended: boolean
    extension_allowed: boolean
  }>`
    with
    cohort as materialized (
      select c.id, c.reference, c.case_type_code, ct.name_nl, ct.name_en, c.subject, c.received_on, c.contact_employee_id,
             coalesce(c.term_from, c.received_on) + ${LEAD_DAYS} as term_start,
             ${EXTENSION_DAYS} as extension_days,
             ct.extension_amount is not null as extension_allowed
      from cases c
      join case_types ct on ct.code = c.case_type_code
      where c.status in ('open', 'suspended') and ${byContact} and ${byScope}
    ),
    ${calendarCtes(sql`least(${today}::date, (select min(received_on) from cohort))`, sql`${addDays(today, CALENDAR_REACH_DAYS)}::date`, extraDays)},
    ${termCtes(today)},
    horizon as (
      select ${workingDaysAfter(sql`${today}::date`, sql`${withinWorkingDays}::int`)} as day from cal
    )
    select t.id, t.reference, t.case_type_code, t.name_nl, t.name_en, t.subject, t.received_on::text as received_on,
           t.due_on::text as due_on, t.contact_employee_id, t.extended, t.extension_allowed,
           -- the decision date is a working day (Atw art. 1), so this counts the working days after today up to it
           (cal.n_of[t.due_on - cal.start + 1] - cal.n_of[${today}::date - cal.start + 1])::int as working_days_left,
           greatest(0, ${today}::date - t.due_on)::int as days_overdue
    from terms t
    cross join horizon h
    cross join cal
    where t.decided_on is null
      and (
        t.due_on < ${today}::date
        or (t.due_on <= h.day and not (t.running_respond_by is not null and ${today}::date <= t.running_respond_by))
      )
    order by t.due_on < ${today}::date desc, t.due_on, t.reference
    limit ${limit}
  `.execute(db)
  return rows.map((r) => {
    const overdue = r.days_overdue > 0
    return {
      id: r.id,
      reference: r.reference,
      caseTypeCode: r.case_type_code,
      caseType: lang === 'en' ? r.name_en : r.name_nl,
      subject: r.subject,
      receivedOn: r.received_on,
      decisionDueOn: r.due_on,
      contactEmployeeId: r.contact_employee_id,
      risk: overdue ? 'overdue' : 'at_risk',
      workingDaysLeft: r.working_days_left,
      daysOverdue: r.days_overdue,
      extended: r.extended,
      canExtend: !overdue && r.extension_allowed && !r.extended,
    }
  })
}

/**
 * For the caseworker's start page (/medewerker): this employee's cases at risk within the next
 * AT_RISK_WORKING_DAYS (5) working days and the overdue ones, the work list's horizon.
 */
export async function getCasesAtRiskForEmployee(
  employeeId: string,
  { lang, now = new Date(), db = getDb() }: { lang: Language; now?: Date; db?: DB },
): Promise<{ today: LocalDate; withinWorkingDays: number; cases: CaseAtRisk[] }> {
  const today = municipalToday(now)
  const withinWorkingDays = AT_RISK_WORKING_DAYS
  return {
    today,
    withinWorkingDays,
    cases: await casesAtRisk(
      { withinWorkingDays, contactEmployeeId: employeeId, handledBy: employeeId },
      { today, lang, db },
    ),
  }
}
