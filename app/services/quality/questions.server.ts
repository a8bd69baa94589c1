/**
 * The charter's written-question norms (/kwaliteitshandvest: "every letter or e-mail with a
 * question gets an acknowledgement within 5 working days and an answer within 6 weeks", per
 * channel: internet, e-mail, post; norms and targets in `service_norms`, read by
 * questions/norms.server.ts) over the questions received in each period, counted from the
 * recorded thread only:
 * - acknowledged on: the day of the first acknowledgement-or-answer entry;
 * - answered on: the day of the first answer entry;
 * - terms: from the day of receipt, as `messageTerms` counts them (app/domain/messages.ts) —
 *   working days after that day, holidays and decree days left out (Algemene termijnenwet);
 *   six weeks moved on to a working day;
 * - a question still within its term counts neither way (as `tallyMessages` and the cases do).
 * In SQL, with the working-day calendar of terms-sql.server.ts: a year of 100,000 questions is
 * one pass over them and an index probe per question (tests/integration/question-charter.test.ts
 * checks it against the domain's rules).
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { addDays, startOfDayIn, type LocalDate } from '~/domain/local-date'
import { judge, percentShown, type ReportingPeriod, type Tally } from '~/domain/quality'
import { QUESTION_CHANNELS, type QuestionChannel } from '~/domain/questions'
import { municipalToday } from '~/services/calendar.server'
import { questionNorms, type QuestionNorms } from '~/services/questions/norms.server'
import type { QualityLine, Judged } from './report.server'
import { calendarCtes, decreeDays, workingDayOnOrAfter, workingDaysAfter } from './terms-sql.server'

/** A period's figures for one channel, shaped as the dashboard's lines: `decision` is the answer. */
export interface QuestionLine extends QualityLine {
  channel: QuestionChannel
}

export interface QuestionQuality {
  norms: Record<QuestionChannel, QuestionNorms>
  /** per period (as given), per channel */
  periods: Array<{ period: ReportingPeriod; byChannel: QuestionLine[] }>
}

interface Row {
  period_from: string
  channel: QuestionChannel
  received: number
  ack_settled: number
  ack_in_time: number
  answer_settled: number
  answer_in_time: number
  answered: number
  open_overdue: number
}

/** The question figures of each period (oldest first, as given) per channel. */
export async function measureQuestionQuality(
  periods: readonly ReportingPeriod[],
  {
    today = municipalToday(),
    extraNonWorkingDays = decreeDays(),
    db = getDb(),
  }: { today?: LocalDate; extraNonWorkingDays?: readonly LocalDate[]; db?: DB } = {},
): Promise<QuestionQuality> {
  const norms = await questionNorms(db)
  if (periods.length === 0) return { norms, periods: [] }
  const from = periods[0].from
  const to = periods[periods.length - 1].to
  // Six weeks and their working days after the last day of receipt; a decade of holidays fits.
  const calendarTo = addDays(to, 7 * Math.max(...QUESTION_CHANNELS.map((c) => norms[c].answerWeeks)) + 60)
  const normRows = sql.join(
    QUESTION_CHANNELS.map(
      (c) => sql`(${c}::text, ${norms[c].acknowledgeWorkingDays}::int, ${norms[c].answerWeeks}::int)`,
    ),
  )
  const periodRows = sql.join(periods.map((p) => sql`(${p.from}::date, ${p.to}::date)`))
  const { rows } = await sql<Row>`
    with ${calendarCtes(sql`${from}::date`, sql`${calendarTo}::date`, extraNonWorkingDays)},
    norms(channel, ack_days, answer_weeks) as (values ${normRows}),
    periods(p_from, p_to) as (values ${periodRows}),
    received as materialized (
      select q.id, q.channel, (q.received_at at time zone 'Europe/Amsterdam')::date as received_on
      from questions q
      where q.received_at >= ${startOfDayIn(from)} and q.received_at < ${startOfDayIn(addDays(to, 1))}
    ),
    -- One pass over the entries of those questions (a hash join), not a probe per question.
    replies as (
      select e.question_id,
             min(e.at) filter (where e.kind in ('acknowledgement', 'answer')) as ack_at,
             min(e.at) filter (where e.kind = 'answer') as answer_at
      from question_entries e
      join received r on r.id = e.question_id
      where e.kind in ('acknowledgement', 'answer')
      group by e.question_id
    ),
    cohort as (
      select r.channel, r.received_on, p.ack_at, p.answer_at
      from received r
      left join replies p on p.question_id = r.id
    ),
    measured as (
      select c.channel, c.received_on,
             (c.ack_at at time zone 'Europe/Amsterdam')::date as ack_on,
             (c.answer_at at time zone 'Europe/Amsterdam')::date as answer_on,
             ${workingDaysAfter(sql`c.received_on`, sql`n.ack_days`)} as ack_by,
             ${workingDayOnOrAfter(sql`(c.received_on + 7 * n.answer_weeks)`)} as answer_by
      from cohort c
      join norms n on n.channel = c.channel
      cross join cal
    )
    select p.p_from::text as period_from, m.channel,
           count(*)::int as received,
           count(*) filter (where m.ack_on is not null or ${today}::date > m.ack_by)::int as ack_settled,
           count(*) filter (where m.ack_on <= m.ack_by)::int as ack_in_time,
           count(*) filter (where m.answer_on is not null or ${today}::date > m.answer_by)::int as answer_settled,
           count(*) filter (where m.answer_on <= m.answer_by)::int as answer_in_time,
           count(*) filter (where m.answer_on is not null)::int as answered,
           count(*) filter (where m.answer_on is null and ${today}::date > m.answer_by)::int as open_overdue
    from measured m
    join periods p on m.received_on between p.p_from and p.p_to
    group by p.p_from, m.channel
  `.execute(db)
  const judged = (tally: Tally, target: number, measure: 'acknowledgement' | 'answer'): Judged => ({
    tally,
    percent: percentShown(tally),
    targetPercent: target,
    targetSource: measure,
    verdict: judge(tally, target),
  })
  return {
    norms,
    periods: periods.map((period) => ({
      period,
      byChannel: QUESTION_CHANNELS.map((channel): QuestionLine => {
        const r = rows.find((x) => x.period_from === period.from && x.channel === channel)
        const n = norms[channel]
        return {
          key: channel,
          label: channel,
          channel,
          received: r?.received ?? 0,
          acknowledgement: judged(
            { inTime: r?.ack_in_time ?? 0, settled: r?.ack_settled ?? 0 },
            n.acknowledgeTarget,
            'acknowledgement',
          ),
          decision: judged(
            { inTime: r?.answer_in_time ?? 0, settled: r?.answer_settled ?? 0 },
            n.answerTarget,
            'answer',
          ),
          decided: r?.answered ?? 0,
          medianLeadDays: null,
          openOverdue: r?.open_overdue ?? 0,
        }
      }),
    })),
  }
}
