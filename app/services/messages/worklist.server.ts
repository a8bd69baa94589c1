/**
 * "Berichten" for staff: the cases whose citizen waits for an answer to a message, the most
 * urgent first, judged by the charter's e-mail norms (acknowledgement within 5 working days,
 * answer within 6 weeks, the municipal calendar's holidays left out). Only the cases this
 * employee handles (cases/scope.server.ts), filtered in SQL.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { Language } from '~/domain/language'
import { compareLocalDate, type LocalDate } from '~/domain/local-date'
import { messageDue, type MessageDue } from '~/domain/messages'
import { municipalToday } from '~/services/calendar.server'
import { handledBy } from '~/services/cases/scope.server'
import { dayOf, messageNorms, termsOf } from './norms.server'

export interface WaitingConversation {
  caseId: string
  reference: string
  caseType: string
  /** the citizen's messages still without an answer */
  waiting: number
  /** of those, the ones whose acknowledgement or answer is late */
  late: number
  /** the oldest of them: when it came */
  firstSentOn: LocalDate
  /** what is owed first, by when, and whether that day has passed */
  due: MessageDue
}

/** The cases with an unanswered citizen message, by the day the first thing owed is due. */
export async function listWaitingConversations(
  staff: { employeeId: string },
  { lang, today = municipalToday(), db = getDb() }: { lang: Language; today?: LocalDate; db?: DB },
): Promise<WaitingConversation[]> {
  const terms = termsOf(await messageNorms(db))
  const rows = await db
    .selectFrom('case_messages as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('case_types as ct', 'ct.code', 'c.case_type_code')
    .select(['m.id', 'm.case_id', 'm.sent_at', 'c.reference'])
    .select(lang === 'en' ? 'ct.name_en as caseType' : 'ct.name_nl as caseType')
    .select((eb) =>
      eb
        .selectFrom('case_messages as r')
        .select(sql<Date>`min(r.sent_at)`.as('at'))
        .whereRef('r.case_id', '=', 'm.case_id')
        .where('r.author_kind', '=', 'employee')
        .whereRef('r.seq', '>', 'm.seq')
        .as('acknowledged_at'),
    )
    .where('m.author_kind', '=', 'citizen')
    .where(handledBy(staff.employeeId, 'c.case_type_code'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_messages as a')
            .select('a.id')
            .whereRef('a.case_id', '=', 'm.case_id')
            .where('a.author_kind', '=', 'employee')
            .where('a.holding', '=', false)
            .whereRef('a.seq', '>', 'm.seq'),
        ),
      ),
    )
    .orderBy('m.seq')
    .execute()
  const byCase = new Map<string, WaitingConversation>()
  for (const r of rows) {
    const sentOn = dayOf(r.sent_at)
    const due = messageDue(
      { sentOn, acknowledgedOn: r.acknowledged_at ? dayOf(new Date(r.acknowledged_at)) : null },
      terms(sentOn),
      today,
    )
    const seen = byCase.get(r.case_id)
    if (!seen) {
      byCase.set(r.case_id, {
        caseId: r.case_id,
        reference: r.reference,
        caseType: r.caseType,
        waiting: 1,
        late: due.late ? 1 : 0,
        firstSentOn: sentOn,
        due,
      })
      continue
    }
    seen.waiting++
    if (due.late) seen.late++
    if (compareLocalDate(due.dueOn, seen.due.dueOn) < 0) seen.due = due
  }
  return [...byCase.values()].sort(
    (a, b) => compareLocalDate(a.due.dueOn, b.due.dueOn) || compareLocalDate(a.firstSentOn, b.firstSentOn),
  )
}
