/**
 * The quality charter measured (issue 8; DESIGN §4; seed §2.2, §3.4 and appendix 2).
 *
 * Every figure is computed in SQL from what the portal already records — the append-only
 * `case_events`, the acknowledgement letters in `letters` and the catalogue's terms — never
 * from counters kept by hand, and never from the projection columns of `cases` (the decision
 * date there is as of the last event; a running suspension moves it every day).
 *
 * The rules, the same as the domain's (app/domain/case-terms.ts), and checked against it by
 * tests/integration/quality.test.ts:
 * - acknowledgement due: 5 working days after the date of receipt, not counting that day;
 *   acknowledged on: the `letter_date` of the case's acknowledgement letter (the letters service
 *   dates a letter on the day of the event that wrote it, so a late registration is late);
 * - decision due: receipt + the case type's lead time, + its extension when one was announced,
 *   + the days of each suspension (Awb 4:15: from the request up to the answer, at most up to
 *   the day given to answer; a running one counted up to `today`), then moved on to a working
 *   day (Atw art. 1); decided on: the date of the `decided` event in Europe/Amsterdam;
 * - working days: Monday to Friday minus `non_working_days` (the statutory holidays, migration
 *   0008) and the days equated by decree (HOLIDAYS_BY_DECREE, passed in as a parameter).
 *
 * Cohort: the cases *received* in a period. A case still inside its term (no letter or decision
 * yet, due date not passed) counts as received but not yet as in time or late; a late one that
 * is still open counts as late ("open overdue"), so waiting never improves a figure.
 */
import { sql, type RawBuilder } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../db/client'
import { getDb } from '../../db/instance'
import { ACKNOWLEDGEMENT_WORKING_DAYS, type Channel } from '~/domain/case-terms'
import { ACKNOWLEDGEMENT_TEMPLATES, type LetterTemplateCode } from '~/domain/letters'
import { addDays, type LocalDate } from '~/domain/local-date'
import { toCsv, type CsvCell } from '~/domain/quality-csv'
import {
  judge,
  lastCompletedQuarter,
  parsePeriod,
  percentShown,
  periodContaining,
  periodsUpTo,
  isPeriodComplete,
  targetFor,
  type Grain,
  type NormTarget,
  type ReportingPeriod,
  type Tally,
  type Verdict,
} from '~/domain/quality'
import { AT_RISK_WORKING_DAYS } from '~/services/cases/caseworker.server'
import { CHANNELS } from '~/domain/case-terms'
import type { Language } from '~/domain/language'
import { holidayCalendar, municipalToday } from '~/services/calendar.server'
import { caseTypesHandledBy } from '~/services/cases/scope.server'

/** The acknowledgement letter's template (letters service); a rename there breaks the build here. */
export const ACKNOWLEDGEMENT_TEMPLATE = 'acknowledgement' satisfies LetterTemplateCode
/** Every template that acknowledges receipt: an objection has its own. */
const ACKNOWLEDGEMENTS = sql.join(ACKNOWLEDGEMENT_TEMPLATES.map((code) => sql`${code}`))

/** How far past the last date of receipt the working-day calendar reaches (terms, suspensions). */
const CALENDAR_REACH_DAYS = 5 * 366

// --- the working-day calendar in SQL ----------------------------------------------------------

/** Days equated to holidays by decree (Atw art. 3(3)): the running app's configuration. */
function decreeDays(): LocalDate[] {
  return [...holidayCalendar().extraDays]
}

/**
 * CTE `cal`: one row with the working-day calendar from `from` to `to` as arrays, so each case
 * looks its dates up by subscript instead of joining a calendar (which made the planner sort
 * every case of a period, twice):
 * - `start`: the first day; a day d has index d − start + 1;
 * - `n_of[i]`: how many working days there are from `start` up to and including day i;
 * - `working_of[i]`: whether day i is a working day;
 * - `day_of_n[k]`: the k-th working day.
 * So "k working days after d" is day_of_n[n_of(d) + k], and "the next working day on or
 * after d" is day_of_n[n_of(d)] when d is a working day, else day_of_n[n_of(d) + 1].
 */
function calendarCtes(from: RawBuilder<unknown>, to: RawBuilder<unknown>, extraDays: readonly LocalDate[]) {
  return sql`
    calendar as (
      select g.d::date as day,
             extract(isodow from g.d) < 6 and h.day is null and not (g.d::date = any(${[...extraDays]}::date[])) as working
      from generate_series(${from}, ${to}, interval '1 day') as g(d)
      left join non_working_days h on h.day = g.d::date
    ),
    numbered as (
      select day, working, (sum(working::int) over (order by day))::int as n from calendar
    ),
    cal as materialized (
      select min(day) as start,
             array_agg(n order by day) as n_of,
             array_agg(working order by day) as working_of,
             array_agg(day order by day) filter (where working) as day_of_n
      from numbered
    )`
}

/** SQL: the working day `k` working days after `date` (not counting `date`), by the `cal` CTE. */
function workingDaysAfter(date: RawBuilder<unknown>, k: RawBuilder<unknown>) {
  return sql`cal.day_of_n[cal.n_of[${date} - cal.start + 1] + ${k}]`
}

/** SQL: `date` if it is a working day, else the next one (Atw art. 1), by the `cal` CTE. */
function workingDayOnOrAfter(date: RawBuilder<unknown>) {
  return sql`cal.day_of_n[cal.n_of[${date} - cal.start + 1] + case when cal.working_of[${date} - cal.start + 1] then 0 else 1 end]`
}

/**
 * CTEs from a CTE `cohort` (id, received_on, term_start, extension_days): `term_events` (the
 * events that move or end a term, dated in Amsterdam), `per_case` (decided on, extended),
 * `suspensions` (per case the suspended days and a running suspension's day to answer) and
 * `terms` (cohort + all that + acknowledgement due + decision due).
 */
function termCtes(today: LocalDate, eventsFrom: RawBuilder<unknown> = sql`'-infinity'::timestamptz`) {
  return sql`
    term_events as materialized (
      select e.case_id, e.seq, e.type, (e.occurred_at at time zone 'Europe/Amsterdam')::date as on_date,
             case when e.type = 'suspended' then (e.payload->>'respondBy')::date end as respond_by
      from case_events e
      join cohort c on c.id = e.case_id
      where e.type in ('suspended', 'resumed', 'extended', 'decided') and e.occurred_at >= ${eventsFrom}
    ),
    per_case as (
      select case_id,
             min(on_date) filter (where type = 'decided') as decided_on,
             bool_or(type = 'extended') as extended
      from term_events
      where type in ('extended', 'decided')
      group by case_id
    ),
    -- Awb 4:15: a suspension runs from its request until the information came (resumed) or the
    -- decision was taken, at most up to the day given to answer; a running one up to today.
    -- Suspensions do not overlap (the cases service refuses a second one while one runs), and
    -- dates follow sequence numbers, so the earliest later resumption or decision ended it.
    suspensions as (
      select s.case_id,
             sum(greatest(0, least(coalesce(ended.on_date, ${today}::date), s.respond_by) - s.on_date))::int as days,
             max(s.respond_by) filter (where ended.on_date is null) as running_respond_by
      from term_events s
      left join lateral (
        -- an index probe (case_events_terms) per suspension, not a scan of term_events
        select (x.occurred_at at time zone 'Europe/Amsterdam')::date as on_date from case_events x
        where x.case_id = s.case_id and x.seq > s.seq and x.type in ('resumed', 'decided')
        order by x.seq
        limit 1
      ) ended on true
      where s.type = 'suspended'
      group by s.case_id
    ),
    terms as (
      select c.*, p.decided_on, coalesce(p.extended, false) as extended, s.running_respond_by,
             ${workingDaysAfter(sql`c.received_on`, sql`${ACKNOWLEDGEMENT_WORKING_DAYS}`)} as ack_due_on,
             coalesce(${workingDayOnOrAfter(sql`raw_due.due`)}, raw_due.due) as due_on
      from cohort c
      cross join cal
      left join per_case p on p.case_id = c.id
      left join suspensions s on s.case_id = c.id
      cross join lateral (
        select c.term_start + case when p.extended then c.extension_days else 0 end + coalesce(s.days, 0) as due
      ) raw_due
    )`
}

/** The case type's lead time and extension in calendar days (ZGW "doorlooptijd": days or weeks). */
const LEAD_DAYS = sql`ct.lead_time_amount * case when ct.lead_time_unit = 'weeks' then 7 else 1 end`
const EXTENSION_DAYS = sql`coalesce(ct.extension_amount * case when ct.extension_unit = 'weeks' then 7 else 1 end, 0)`

// --- measures per period × channel × case type ------------------------------------------------

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
export async function caseTerms(db: DB, options: MeasureOptions): Promise<CaseTerms[]> {
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
export async function measureQuality(db: DB, options: MeasureOptions): Promise<MeasureRow[]> {
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

// --- the norms --------------------------------------------------------------------------------

export interface ServiceNorm {
  code: string
  channel: Channel | 'chat' | null
  measure: 'acknowledgement' | 'answer' | 'decision' | 'other'
  measuredFromCases: boolean
  term: { amount: number | null; unit: 'working_days' | 'weeks' | 'case_type' | 'seconds' | 'minutes' | 'hours' } | null
  targetPercent: number
  derived: boolean
  text: string
  source: string
}

/** The charter's norms in the reader's language, in the charter's order. */
export async function listServiceNorms(db: DB, lang: Language): Promise<ServiceNorm[]> {
  const rows = await db.selectFrom('service_norms').selectAll().orderBy('position').execute()
  return rows.map((r) => ({
    code: r.code,
    channel: r.channel,
    measure: r.measure,
    measuredFromCases: r.measured_from_cases,
    term: r.term_unit ? { amount: r.term_amount, unit: r.term_unit } : null,
    targetPercent: r.target_percent,
    derived: r.derived,
    text: lang === 'en' ? r.norm_en : r.norm_nl,
    source: r.source,
  }))
}

function normTargets(norms: readonly ServiceNorm[]): NormTarget[] {
  return norms.flatMap((n) =>
    n.measure === 'other' ? [] : [{ measure: n.measure, channel: n.channel, targetPercent: n.targetPercent }],
  )
}

// --- views: the dashboard, the CSV, the public page -------------------------------------------

export interface Judged {
  tally: Tally
  /** One decimal, rounded down; null without settled cases. */
  percent: number | null
  targetPercent: number | null
  /** Which norm the target comes from: the channel's own, or the decision term's (fallback). */
  targetSource: 'acknowledgement' | 'answer' | 'decision' | null
  verdict: Verdict
}

export interface QualityLine {
  key: string
  label: string
  received: number
  acknowledgement: Judged
  decision: Judged
  decided: number
  medianLeadDays: number | null
  openOverdue: number
}

function judged(tally: Tally, target: ReturnType<typeof targetFor>): Judged {
  return {
    tally,
    percent: percentShown(tally),
    targetPercent: target?.targetPercent ?? null,
    targetSource: target?.measure ?? null,
    verdict: judge(tally, target?.targetPercent ?? null),
  }
}

const EMPTY: Omit<MeasureRow, 'periodStart' | 'channel' | 'caseTypeCode'> = {
  received: 0,
  acknowledgement: { inTime: 0, settled: 0 },
  decision: { inTime: 0, settled: 0 },
  decided: 0,
  medianLeadDays: null,
  openOverdue: 0,
}

function line(
  key: string,
  label: string,
  row: Omit<MeasureRow, 'periodStart' | 'channel' | 'caseTypeCode'> | undefined,
  targets: NormTarget[],
  channel: string | null,
): QualityLine {
  const r = row ?? EMPTY
  return {
    key,
    label,
    received: r.received,
    acknowledgement: judged(r.acknowledgement, targetFor(targets, 'acknowledgement', channel)),
    decision: judged(r.decision, targetFor(targets, 'answer', channel)),
    decided: r.decided,
    medianLeadDays: r.medianLeadDays,
    openOverdue: r.openOverdue,
  }
}

async function caseTypeNames(db: DB, lang: Language): Promise<Array<{ code: string; name: string }>> {
  const rows = await db
    .selectFrom('case_types')
    .select(['code', 'name_nl', 'name_en'])
    .orderBy(lang === 'en' ? 'name_en' : 'name_nl')
    .execute()
  return rows.map((r) => ({ code: r.code, name: lang === 'en' ? r.name_en : r.name_nl }))
}

/**
 * How far the trend looks back: five quarters (this one and the same quarter a year ago) or
 * six months. Every case received in those periods is measured, so this sets the cost of a
 * dashboard load (tests/perf/quality.bench.ts).
 */
const TREND_LENGTH: Record<Grain, number> = { quarter: 5, month: 6 }

export interface QualityReport {
  period: ReportingPeriod
  /** False while the period runs: its figures can still change. */
  complete: boolean
  today: LocalDate
  total: QualityLine
  /** Every channel, also those without cases (label: the channel code; the page translates). */
  byChannel: QualityLine[]
  byCaseType: QualityLine[]
  /** Channel × case type, only the combinations with cases. */
  byChannelAndCaseType: Array<QualityLine & { channel: Channel; caseTypeCode: string }>
  /** The overall figures of the periods up to and including this one, oldest first. */
  trend: Array<{ period: ReportingPeriod; total: QualityLine }>
  norms: ServiceNorm[]
}

/**
 * The manager's dashboard (/medewerker/kwaliteit) and its CSV: one period in full, and the
 * overall figures of the `trendLength` periods up to it. Two queries: the norms, the measures.
 */
export async function getQualityReport(
  options: {
    period: ReportingPeriod
    lang: Language
    today?: LocalDate
    trendLength?: number
    extraNonWorkingDays?: readonly LocalDate[]
    /** How to get the measures; default: measure now. The public page passes a cached one. */
    measure?: (db: DB, options: MeasureOptions) => Promise<MeasureRow[]>
  },
  db: DB = getDb(),
): Promise<QualityReport> {
  const { period, lang } = options
  const today = options.today ?? municipalToday()
  const trendPeriods = periodsUpTo(period, Math.max(1, options.trendLength ?? TREND_LENGTH[period.grain]))
  const measure = options.measure ?? measureQuality
  const [norms, types, rows] = await Promise.all([
    listServiceNorms(db, lang),
    caseTypeNames(db, lang),
    measure(db, {
      from: trendPeriods[0].from,
      to: period.to,
      grain: period.grain,
      today,
      extraNonWorkingDays: options.extraNonWorkingDays,
      detailFor: period.from,
    }),
  ])
  const targets = normTargets(norms)
  const inPeriod = rows.filter((r) => r.periodStart === period.from)
  const find = (channel: Channel | null, caseType: string | null) =>
    inPeriod.find((r) => r.channel === channel && r.caseTypeCode === caseType)
  const typeName = new Map(types.map((t) => [t.code, t.name]))
  return {
    period,
    complete: isPeriodComplete(period, today),
    today,
    total: line('total', 'total', find(null, null), targets, null),
    byChannel: CHANNELS.map((channel) => line(channel, channel, find(channel, null), targets, channel)),
    byCaseType: types.map((t) => line(t.code, t.name, find(null, t.code), targets, null)),
    byChannelAndCaseType: inPeriod
      .filter(
        (r): r is MeasureRow & { channel: Channel; caseTypeCode: string } =>
          r.channel !== null && r.caseTypeCode !== null,
      )
      .map((r) => ({
        ...line(
          `${r.channel}:${r.caseTypeCode}`,
          typeName.get(r.caseTypeCode) ?? r.caseTypeCode,
          r,
          targets,
          r.channel,
        ),
        channel: r.channel,
        caseTypeCode: r.caseTypeCode,
      })),
    trend: trendPeriods.map((p) => ({
      period: p,
      total: line(
        'total',
        p.key,
        rows.find((r) => r.periodStart === p.from && r.channel === null && r.caseTypeCode === null),
        targets,
        null,
      ),
    })),
    norms,
  }
}

export interface PublicCharter {
  period: ReportingPeriod
  norms: ServiceNorm[]
  /** Last quarter per channel (only the channels the portal can measure) and in total. */
  byChannel: QualityLine[]
  total: QualityLine
}

/** The public charter page (/kwaliteitshandvest): the norms, and last quarter's figures per channel. */
export async function getPublicCharter(
  options: { lang: Language; today?: LocalDate; fresh?: boolean },
  db: DB = getDb(),
): Promise<PublicCharter> {
  const today = options.today ?? municipalToday()
  const period = lastCompletedQuarter(today)
  const report = await getQualityReport(
    { period, lang: options.lang, today, trendLength: 1, measure: options.fresh ? undefined : cachedMeasures },
    db,
  )
  return { period, norms: report.norms, byChannel: report.byChannel, total: report.total }
}

/**
 * The public page is open to anyone, and measuring a quarter of a large municipality reads
 * every case of it (some 100,000 at a million cases: tests/perf/quality.bench.ts). So its
 * figures are measured at most once per PUBLIC_FIGURES_TTL_MS per app instance and shared by
 * the visitors in between — also those who arrive while the measuring runs. The manager's
 * dashboard always measures afresh.
 */
const PUBLIC_FIGURES_TTL_MS = 10 * 60_000
const measured = new Map<string, { expires: number; rows: Promise<MeasureRow[]> }>()

function cachedMeasures(db: DB, options: MeasureOptions): Promise<MeasureRow[]> {
  const key = JSON.stringify([
    options.from,
    options.to,
    options.grain,
    options.today,
    options.extraNonWorkingDays ?? decreeDays(),
    options.detailFor,
  ])
  const now = Date.now()
  const hit = measured.get(key)
  if (hit && hit.expires > now) return hit.rows
  const rows = measureQuality(db, options)
  measured.set(key, { expires: now + PUBLIC_FIGURES_TTL_MS, rows })
  // A failed measurement is not kept: the next visitor tries again.
  rows.catch(() => {
    if (measured.get(key)?.rows === rows) measured.delete(key)
  })
  for (const [k, v] of measured) if (v.expires <= now) measured.delete(k)
  return rows
}

/** The period a dashboard opens on when none is asked for: the quarter running today. */
export function defaultPeriod(today: LocalDate = municipalToday(), grain: Grain = 'quarter'): ReportingPeriod {
  return periodContaining(today, grain)
}

// --- cases at risk ----------------------------------------------------------------------------

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
 * Seed §2.2 ("als er meer tijd nodig is dan laten we dit weten") and Awb 4:14: open cases whose
 * decision date falls within `withinWorkingDays` working days and have not been extended — an
 * extension must go out before the term ends — and every overdue case. A case already extended
 * and near its new date is listed too (it can only be decided now: `canExtend` is false).
 * A case waiting for the citizen's information inside the day given to answer is not at risk:
 * its clock stands still (Awb 4:15). Overdue first, then the nearest date.
 */
export async function casesAtRisk(
  db: DB,
  options: {
    today: LocalDate
    withinWorkingDays: number
    contactEmployeeId?: string
    /** only the case types this employee handles (case-scope.server.ts) */
    handledBy?: string
    lang?: Language
    extraNonWorkingDays?: readonly LocalDate[]
    limit?: number
  },
): Promise<CaseAtRisk[]> {
  const { today, withinWorkingDays } = options
  const lang = options.lang ?? 'nl'
  const extraDays = options.extraNonWorkingDays ?? decreeDays()
  const byContact =
    options.contactEmployeeId === undefined ? sql`true` : sql`c.contact_employee_id = ${options.contactEmployeeId}`
  const byScope =
    options.handledBy === undefined ? sql`true` : sql`c.case_type_code in ${caseTypesHandledBy(options.handledBy)}`
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
    limit ${options.limit ?? 200}
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
  lang: Language,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{ today: LocalDate; withinWorkingDays: number; cases: CaseAtRisk[] }> {
  const today = municipalToday(now)
  const withinWorkingDays = AT_RISK_WORKING_DAYS
  return {
    today,
    withinWorkingDays,
    cases: await casesAtRisk(db, {
      today,
      withinWorkingDays,
      contactEmployeeId: employeeId,
      handledBy: employeeId,
      lang,
    }),
  }
}

// --- the dashboard's input and its CSV --------------------------------------------------------

const PeriodQuery = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/)
    .optional(),
})

/** The dashboard's and the CSV's `?period=2026-Q1` or `?period=2026-03`; null when malformed. */
export function periodFromQuery(params: URLSearchParams, today: LocalDate): ReportingPeriod | null {
  const query = PeriodQuery.safeParse(Object.fromEntries(params))
  return query.success ? resolvePeriod(query.data.period, today) : null
}

/** A `?period=` value as the dashboard takes it: '2026-Q1' or '2026-03'; absent → this quarter. */
export function resolvePeriod(key: string | undefined, today: LocalDate = municipalToday()): ReportingPeriod | null {
  if (key === undefined || key === '') return defaultPeriod(today)
  return parsePeriod(key)
}

/** The periods the selector offers: the last 8 quarters and 12 months, and the chosen one. */
export function periodChoices(
  today: LocalDate,
  selected: ReportingPeriod,
): { quarters: ReportingPeriod[]; months: ReportingPeriod[] } {
  const quarters = periodsUpTo(periodContaining(today, 'quarter'), 8).reverse()
  const months = periodsUpTo(periodContaining(today, 'month'), 12).reverse()
  const list = selected.grain === 'quarter' ? quarters : months
  if (!list.some((p) => p.key === selected.key)) list.push(selected)
  return { quarters, months }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * The report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the accents):
 * a header row, then the total, each channel, each case type and each channel × case type.
 * Only counts and shares: no BSN, no names, no case references.
 */
export function qualityReportCsv(report: QualityReport, t: Translate): string {
  const header = [
    'period',
    'channel',
    'caseType',
    'received',
    'ackSettled',
    'ackInTime',
    'ackPercent',
    'ackTarget',
    'ackVerdict',
    'decisionSettled',
    'decisionInTime',
    'decisionPercent',
    'decisionTarget',
    'decisionVerdict',
    'decided',
    'medianLeadDays',
    'openOverdue',
  ].map((key) => t(`quality:csv.${key}`))
  const row = (channel: string, caseType: string, l: QualityLine): CsvCell[] => [
    report.period.key,
    channel,
    caseType,
    l.received,
    l.acknowledgement.tally.settled,
    l.acknowledgement.tally.inTime,
    l.acknowledgement.percent,
    l.acknowledgement.targetPercent,
    t(`quality:verdict.${l.acknowledgement.verdict}`),
    l.decision.tally.settled,
    l.decision.tally.inTime,
    l.decision.percent,
    l.decision.targetPercent,
    t(`quality:verdict.${l.decision.verdict}`),
    l.decided,
    l.medianLeadDays,
    l.openOverdue,
  ]
  const allChannels = t('quality:channels.total')
  const allTypes = t('quality:csv.allCaseTypes')
  return (
    '\uFEFF' +
    toCsv([
      header,
      row(allChannels, allTypes, report.total),
      ...report.byChannel.map((l) => row(t(`quality:channels.${l.key}`), allTypes, l)),
      ...report.byCaseType.map((l) => row(allChannels, l.label, l)),
      ...report.byChannelAndCaseType.map((l) => row(t(`quality:channels.${l.channel}`), l.label, l)),
    ])
  )
}
