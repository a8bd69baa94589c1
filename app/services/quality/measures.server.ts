/**
 * The quality charter measured (README, Decisions: "Quality figures come from events and
 * letters, in SQL"): received, acknowledged in time, decided in time, median lead time and
 * open overdue, per period × channel × case type.
 *
 * Every figure is computed in SQL from what the portal already records — the append-only
 * `case_events`, the acknowledgement letters in `letters` and the catalogue's terms — never
 * from counters kept by hand, and never from the projection columns of `cases` (the decision
 * date there is as of the last event; a running suspension moves it every day). The terms are
 * those of terms-sql.server.ts; acknowledged on is the `letter_date` of the case's
 * acknowledgement letter (the letters service dates a letter on the day of the event that wrote
 * it, so a late registration is late).
 *
 * Cohort: the cases *received* in a period. A case still inside its term (no letter or decision
 * yet, due date not passed) counts as received but not yet as in time or late; a late one that
 * is still open counts as late ("open overdue"), so waiting never improves a figure.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Channel } from '~/domain/case-terms'
import { ACKNOWLEDGEMENT_TEMPLATES, type LetterTemplateCode } from '~/domain/letters'
import { addDays, type LocalDate } from '~/domain/local-date'
import type { Grain, Tally } from '~/domain/quality'
import { CALENDAR_REACH_DAYS, EXTENSION_DAYS, LEAD_DAYS, calendarCtes, decreeDays, termCtes } from './terms-sql.server'

/** The acknowledgement letter's template (letters service); a rename there breaks the build here. */
export const ACKNOWLEDGEMENT_TEMPLATE = 'acknowledgement' satisfies LetterTemplateCode
/** Every template that acknowledges receipt: an objection has its own. */
const ACKNOWLEDGEMENTS = sql.join(ACKNOWLEDGEMENT_TEMPLATES.map((code) => sql`${code}`))

export interface MeasureRow {
  /** First day of the month or quarter. */
  periodStart: LocalDate
  /** null: all channels together. */
  channel: Channel | null
  /** null: all case types together. */
  caseTypeCode: string | null
  received: number
  acknowledgement: Tally
  decision: Tally
  decided: number
  /** Median of (decided on − received on) in calendar days, over the decided cases. */
  medianLeadDays: number | null
  /** Not decided and past the decision date. */
  openOverdue: number
}

export interface MeasureOptions {
  /** First and last date of receipt, inclusive. */
  from: LocalDate
  to: LocalDate
  grain: Grain
  /** The day the figures are for: what has not happened by then is pending or late. */
  today: LocalDate
  /** Days equated to holidays by decree; defaults to HOLIDAYS_BY_DECREE. */
  extraNonWorkingDays?: readonly LocalDate[]
  /**
   * Per channel and case type only for the period starting on this day (a trend needs the
   * totals of the others, and skipping their detail saves a third of the work); default: all.
   */
  detailFor?: LocalDate
}

type RawMeasureRow = {
  period_start: LocalDate
  channel: Channel | null
  case_type_code: string | null
  all_channels: number
  all_types: number
  received: number
  ack_settled: number
  ack_in_time: number
  decision_settled: number
  decision_in_time: number
  decided: number
  open_overdue: number
  median_lead_days: number | null
}

/**
 * Runs a reporting query with more sort and hash memory than the server's default (4 MB), for
 * this transaction only: a period of a large municipality joins some 100,000 cases with their
 * events and letters, and would otherwise sort on disk.
 */
const REPORTING_WORK_MEM = '64MB'
async function withReportingMemory<T>(db: DB, run: (q: DB) => Promise<T>): Promise<T> {
  if (db.isTransaction) return run(db)
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('work_mem', ${REPORTING_WORK_MEM}, true)`.execute(trx)
    return run(trx)
  })
}

/** The WITH chain ending in `measured`: one row per case received from `from` to `to`, with its dates. */
function measuredCases({ from, to, grain, today, extraNonWorkingDays }: MeasureOptions) {
  const calendarEnd = addDays(to > today ? to : today, CALENDAR_REACH_DAYS)
  return sql`
    with
    ${calendarCtes(sql`${from}::date`, sql`${calendarEnd}::date`, extraNonWorkingDays ?? decreeDays())},
    cohort as materialized (
      select c.id, c.channel, c.case_type_code, c.received_on,
             date_trunc(${grain}::text, c.received_on::timestamp)::date as period_start,
             coalesce(c.term_from, c.received_on) + ${LEAD_DAYS} as term_start,
             ${EXTENSION_DAYS} as extension_days
      from cases c
      join case_types ct on ct.code = c.case_type_code
      where c.received_on >= ${from}::date and c.received_on <= ${to}::date
    ),
    -- A case's events happen on or after its date of receipt (the cases service refuses a
    -- receipt dated after its own event, and events out of order), and so are its letters,
    -- dated on their event's day: both scans start at the period, which the BRIN indexes on
    -- these append-only tables turn into reading only the recent part of each.
    ${termCtes(today, sql`${from}::timestamp at time zone 'Europe/Amsterdam'`)},
    acknowledged as (
      select l.case_id, min(l.letter_date) as acknowledged_on
      from letters l
      join cohort c on c.id = l.case_id
      where l.template_code in (${ACKNOWLEDGEMENTS}) and l.letter_date >= ${from}::date
      group by l.case_id
    ),
    measured as (
      select t.*, a.acknowledged_on
      from terms t
      left join acknowledged a on a.case_id = t.id
    )`
}

export interface CaseTerms {
  id: string
  receivedOn: LocalDate
  acknowledgementDueOn: LocalDate
  acknowledgedOn: LocalDate | null
  decisionDueOn: LocalDate
  decidedOn: LocalDate | null
  extended: boolean
}

/**
 * The dates behind the figures, case by case: what the measures count. For checking the SQL
 * against the domain's own derivation (tests) and for looking into a figure.
 */
export async function caseTerms(options: MeasureOptions, { db = getDb() }: { db?: DB } = {}): Promise<CaseTerms[]> {
  const { rows } = await sql<{
    id: string
    received_on: LocalDate
    ack_due_on: LocalDate
    acknowledged_on: LocalDate | null
    due_on: LocalDate
    decided_on: LocalDate | null
    extended: boolean
  }>`
    ${measuredCases(options)}
    select id, received_on::text as received_on, ack_due_on::text as ack_due_on, acknowledged_on::text as acknowledged_on,
           due_on::text as due_on, decided_on::text as decided_on, extended
    from measured
    order by received_on, id
  `.execute(db)
  return rows.map((r) => ({
    id: r.id,
    receivedOn: r.received_on,
    acknowledgementDueOn: r.ack_due_on,
    acknowledgedOn: r.acknowledged_on,
    decisionDueOn: r.due_on,
    decidedOn: r.decided_on,
    extended: r.extended,
  }))
}

/**
 * Received, acknowledged in time, decided in time, median lead time and open overdue, for the
 * cases received from `from` to `to`, per period and per channel, per case type, per channel ×
 * case type and in total (one scan, GROUPING SETS).
 */
export async function measureQuality(
  options: MeasureOptions,
  { db = getDb() }: { db?: DB } = {},
): Promise<MeasureRow[]> {
  const { today } = options
  const figures = sql`
           count(*)::int as received,
           count(*) filter (where acknowledged_on is not null or ${today}::date > ack_due_on)::int as ack_settled,
           count(*) filter (where acknowledged_on <= ack_due_on)::int as ack_in_time,
           count(*) filter (where decided_on is not null or ${today}::date > due_on)::int as decision_settled,
           count(*) filter (where decided_on <= due_on)::int as decision_in_time,
           count(decided_on)::int as decided,
           count(*) filter (where decided_on is null and ${today}::date > due_on)::int as open_overdue,
           (percentile_cont(0.5) within group (order by decided_on - received_on))::float8 as median_lead_days`
  const allSets = sql`grouping sets ((period_start), (period_start, channel), (period_start, case_type_code), (period_start, channel, case_type_code))`
  const { rows } = await withReportingMemory(db, (q) =>
    sql<RawMeasureRow>`
    ${measuredCases(options)}
    ${
      options.detailFor
        ? sql`select period_start::text as period_start, null as channel, null as case_type_code, 1 as all_channels, 1 as all_types, ${figures}
            from measured
            group by period_start`
        : sql`select period_start::text as period_start, channel, case_type_code,
                   grouping(channel)::int as all_channels, grouping(case_type_code)::int as all_types, ${figures}
            from measured
            group by ${allSets}`
    }
    ${
      options.detailFor
        ? sql`
      union all
      select period_start::text as period_start, channel, case_type_code,
             grouping(channel)::int as all_channels, grouping(case_type_code)::int as all_types, ${figures}
      from measured
      where period_start = ${options.detailFor}::date
      group by grouping sets ((period_start, channel), (period_start, case_type_code), (period_start, channel, case_type_code))`
        : sql``
    }
    order by period_start, all_channels desc, all_types desc, channel, case_type_code
  `.execute(q),
  )
  return rows.map((r) => ({
    periodStart: r.period_start,
    channel: r.all_channels ? null : r.channel,
    caseTypeCode: r.all_types ? null : r.case_type_code,
    received: r.received,
    acknowledgement: { inTime: r.ack_in_time, settled: r.ack_settled },
    decision: { inTime: r.decision_in_time, settled: r.decision_settled },
    decided: r.decided,
    medianLeadDays: r.median_lead_days,
    openOverdue: r.open_overdue,
  }))
}
