/**
 * The working-day calendar and the terms of a case in SQL, shared by the measures
 * (measures.server.ts) and the cases at risk (cases-at-risk.server.ts). The rules are the
 * domain's (app/domain/case-terms.ts), and tests/integration/quality.test.ts checks the SQL
 * against it:
 * - acknowledgement due: 5 working days after the date of receipt, not counting that day;
 * - decision due: receipt + the case type's lead time, + its extension when one was announced
 *   (Awb 4:14), + the days of each suspension (Awb 4:15: from the request up to the answer, at
 *   most up to the day given to answer; a running one counted up to `today`), then moved on to
 *   a working day (Algemene termijnenwet art. 1); decided on: the date of the `decided` event in
 *   Europe/Amsterdam;
 * - working days: Monday to Friday minus `non_working_days` (the statutory holidays, migration
 *   0008) and the days equated by decree (Atw art. 3(3); HOLIDAYS_BY_DECREE, passed in).
 */
import { sql, type RawBuilder } from 'kysely'
import { ACKNOWLEDGEMENT_WORKING_DAYS } from '~/domain/case-terms'
import type { LocalDate } from '~/domain/local-date'
import { holidayCalendar } from '~/services/calendar.server'

/** How far past the last date of receipt the working-day calendar reaches (terms, suspensions). */
export const CALENDAR_REACH_DAYS = 5 * 366

/** Days equated to holidays by decree (Atw art. 3(3)): the running app's configuration. */
export function decreeDays(): LocalDate[] {
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
export function calendarCtes(from: RawBuilder<unknown>, to: RawBuilder<unknown>, extraDays: readonly LocalDate[]) {
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
export function workingDaysAfter(date: RawBuilder<unknown>, k: RawBuilder<unknown>) {
  return sql`cal.day_of_n[cal.n_of[${date} - cal.start + 1] + ${k}]`
}

/** SQL: `date` if it is a working day, else the next one (Atw art. 1), by the `cal` CTE. */
export function workingDayOnOrAfter(date: RawBuilder<unknown>) {
  return sql`cal.day_of_n[cal.n_of[${date} - cal.start + 1] + case when cal.working_of[${date} - cal.start + 1] then 0 else 1 end]`
}

/**
 * CTEs from a CTE `cohort` (id, received_on, term_start, extension_days): `term_events` (the
 * events that move or end a term, dated in Amsterdam), `per_case` (decided on, extended),
 * `suspensions` (per case the suspended days and a running suspension's day to answer) and
 * `terms` (cohort + all that + acknowledgement due + decision due).
 */
export function termCtes(today: LocalDate, eventsFrom: RawBuilder<unknown> = sql`'-infinity'::timestamptz`) {
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
    -- Awb 4:15: a suspension runs from its request until the information came (information_received,
    -- or resumed when a caseworker recorded it so) or the
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
        where x.case_id = s.case_id and x.seq > s.seq and x.type in ('resumed', 'information_received', 'decided')
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
export const LEAD_DAYS = sql`ct.lead_time_amount * case when ct.lead_time_unit = 'weeks' then 7 else 1 end`
export const EXTENSION_DAYS = sql`coalesce(ct.extension_amount * case when ct.extension_unit = 'weeks' then 7 else 1 end, 0)`
