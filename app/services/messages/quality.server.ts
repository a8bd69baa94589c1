/**
 * The charter's e-mail norms over the citizens' messages on cases, for the quality dashboard:
 * per period (the day a message came decides its period, as the day of receipt does a case's),
 * the share acknowledged within 5 working days — an answer counts as the acknowledgement — and
 * the share answered within 6 weeks. Counted from the messages themselves, never by hand.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { addDays, localDateOf, startOfDayIn, type LocalDate } from '~/domain/local-date'
import { tallyMessages, type MeasuredMessage, type MessageNorms } from '~/domain/messages'
import { judge, percentShown, type ReportingPeriod, type Tally, type Verdict } from '~/domain/quality'
import { municipalToday } from '~/services/calendar.server'
import { messageNorms, termsOf } from './norms.server'

export interface MessageFigure {
  tally: Tally
  percent: number | null
  targetPercent: number
  verdict: Verdict
}

export interface MessageQuality {
  period: ReportingPeriod
  received: number
  acknowledgement: MessageFigure
  answer: MessageFigure
}

/** The message figures of each period (oldest first, as given), and the norms they are measured by. */
export async function measureMessageQuality(
  periods: readonly ReportingPeriod[],
  { today = municipalToday(), db = getDb() }: { today?: LocalDate; db?: DB } = {},
): Promise<{ norms: MessageNorms; periods: MessageQuality[] }> {
  const norms = await messageNorms(db)
  const measuredBy = { acknowledgeWorkingDays: norms.acknowledgeWorkingDays, answerWeeks: norms.answerWeeks }
  if (periods.length === 0) return { norms: measuredBy, periods: [] }
  const terms = termsOf(norms)
  const from = periods[0].from
  const to = periods[periods.length - 1].to
  const rows = await db
    .selectFrom('case_messages as m')
    .select(['m.sent_at'])
    .select((eb) => [
      eb
        .selectFrom('case_messages as r')
        .select((r) => r.fn.min('r.sent_at').as('at'))
        .whereRef('r.case_id', '=', 'm.case_id')
        .where('r.author_kind', '=', 'employee')
        .whereRef('r.seq', '>', 'm.seq')
        .as('acknowledged_at'),
      eb
        .selectFrom('case_messages as a')
        .select((a) => a.fn.min('a.sent_at').as('at'))
        .whereRef('a.case_id', '=', 'm.case_id')
        .where('a.author_kind', '=', 'employee')
        .where('a.holding', '=', false)
        .whereRef('a.seq', '>', 'm.seq')
        .as('answered_at'),
    ])
    .where('m.author_kind', '=', 'citizen')
    .where('m.sent_at', '>=', startOfDayIn(from))
    .where('m.sent_at', '<', startOfDayIn(addDays(to, 1)))
    .execute()
  const day = (v: Date | string | null) => (v === null ? null : localDateOf(new Date(v)))
  const measured: MeasuredMessage[] = rows.map((r) => ({
    sentOn: localDateOf(r.sent_at),
    acknowledgedOn: day(r.acknowledged_at),
    answeredOn: day(r.answered_at),
  }))
  const figure = (tally: Tally, targetPercent: number): MessageFigure => ({
    tally,
    percent: percentShown(tally),
    targetPercent,
    verdict: judge(tally, targetPercent),
  })
  const figures = periods.map((p): MessageQuality => {
    const inPeriod = measured.filter((m) => m.sentOn >= p.from && m.sentOn <= p.to)
    const t = tallyMessages(inPeriod, terms, today)
    return {
      period: p,
      received: t.received,
      acknowledgement: figure(t.acknowledgement, norms.acknowledgeTarget),
      answer: figure(t.answer, norms.answerTarget),
    }
  })
  return { norms: measuredBy, periods: figures }
}
