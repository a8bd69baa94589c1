/**
 * "Vraag registreren": a question that reached the municipality by e-mail or by post, registered
 * by the contact centre with the day it came in — the charter's terms count from that day, not
 * from the day it was typed in (a letter received three days ago has two working days left for
 * its acknowledgement). The citizen is named by BSN (known in the BRP), or by an e-mail address
 * for someone unknown. The question enters the one way every question does (registerQuestion,
 * which sends the acknowledgement), in one transaction.
 */
import type { DB } from '../../../../db/client'
import { getDb } from '../../../../db/instance'
import { addDays, compareLocalDate, localDateOf, startOfDayIn, type LocalDate } from '~/domain/local-date'
import type { AnswerChannel, QuestionChannel } from '~/domain/questions'
import type { Topic } from '~/domain/topics'
import { QuestionRefused, registerQuestion, type QuestionRefusal } from '~/services/questions/register.server'
import type { QuestionStaff } from './access.server'

/** How far back a day of receipt may lie: a year (older post is not a question to register). */
export const RECEIVED_MAX_DAYS_AGO = 366

export interface StaffRegisteredQuestion {
  formId: string
  channel: Extract<QuestionChannel, 'email' | 'post'>
  receivedOn: LocalDate
  bsn: string | null
  email: string | null
  contactName: string | null
  phone: string | null
  topic: Topic
  body: string
  answerChannel: AnswerChannel
  language: 'nl' | 'en'
}

export type RegisterResult =
  | { ok: true; questionId: string; reference: string; acknowledgeBy: LocalDate; answerBy: LocalDate }
  | { ok: false; refusals: Array<{ field: string; code: string }> }

const FIELD_OF: Record<QuestionRefusal, { field: string; code: string }> = {
  unknown_topic: { field: 'topic', code: 'required' },
  body_empty: { field: 'text', code: 'required' },
  body_too_long: { field: 'text', code: 'too_long' },
  email_required: { field: 'email', code: 'required' },
  email_not_confirmed: { field: 'email', code: 'required' },
  phone_required: { field: 'phone', code: 'required' },
  portal_needs_citizen: { field: 'answerChannel', code: 'needs_citizen' },
  received_in_future: { field: 'receivedOn', code: 'future' },
  form_reused: { field: 'formId', code: 'out_of_order' },
}

export async function registerQuestionForCitizen(
  staff: QuestionStaff,
  input: StaffRegisteredQuestion,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<RegisterResult> {
  const refusals: Array<{ field: string; code: string }> = []
  const today = localDateOf(now)
  if (compareLocalDate(input.receivedOn, today) > 0) refusals.push({ field: 'receivedOn', code: 'future' })
  else if (compareLocalDate(input.receivedOn, addDays(today, -RECEIVED_MAX_DAYS_AGO)) < 0)
    refusals.push({ field: 'receivedOn', code: 'too_old' })
  if (input.bsn) {
    const person = await db.selectFrom('persons').select('bsn').where('bsn', '=', input.bsn).executeTakeFirst()
    if (!person) refusals.push({ field: 'bsn', code: 'unknown' })
  } else if (!input.email) refusals.push({ field: 'bsn', code: 'who' })
  if (refusals.length) return { ok: false, refusals }
  // Today: now. An earlier day: noon of that day in Groningen (only the day counts for the terms).
  const receivedAt =
    input.receivedOn === today ? now : new Date(startOfDayIn(input.receivedOn).getTime() + 12 * 3_600_000)
  try {
    const registered = await db.transaction().execute((trx) =>
      registerQuestion(
        trx,
        {
          formId: input.formId,
          bsn: input.bsn,
          contactName: input.contactName,
          email: input.email,
          phone: input.phone,
          topic: input.topic,
          body: input.body,
          channel: input.channel,
          answerChannel: input.answerChannel,
          language: input.language,
          receivedAt,
          registeredBy: staff.employeeId,
        },
        { now },
      ),
    )
    return {
      ok: true,
      questionId: registered.questionId,
      reference: registered.reference,
      acknowledgeBy: registered.acknowledgeBy,
      answerBy: registered.answerBy,
    }
  } catch (error) {
    if (error instanceof QuestionRefused) return { ok: false, refusals: [FIELD_OF[error.code]] }
    throw error
  }
}
