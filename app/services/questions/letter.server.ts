/**
 * A question's letter: the acknowledgement or an answer sent "Per brief", written in the
 * transaction that sends it, one per entry (`letters.question_entry_id`). Digital or on paper as
 * the citizen chose, with the same rule as a case's letters (letters/write.server.ts): digital
 * only to someone with a confirmed e-mail address (Awb 2:14), who then gets the e-mail notice.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import { addressLines, personName } from '~/domain/letters-format'
import {
  questionAcknowledgementLetter,
  questionAnswerLetter,
  type QuestionLetterContext,
} from '~/domain/letters-question'
import { localDateOf } from '~/domain/local-date'
import { isTopic } from '~/domain/topics'
import { resources } from '~/locales'
import { publicBaseUrl } from '~/services/calendar.server'
import { enqueueLetterNotice } from '~/services/letters/notices.server'
import { MUNICIPALITY, contentOf } from '~/services/letters/stored.server'

export async function writeQuestionLetter(
  trx: Transaction<Database>,
  questionId: string,
  entryId: string,
  { now }: { now: Date },
): Promise<void> {
  const q = await trx
    .selectFrom('questions')
    .select(['id', 'reference', 'bsn', 'topic', 'language', 'received_at', 'answer_by', 'department'])
    .where('id', '=', questionId)
    .executeTakeFirstOrThrow()
  if (!q.bsn) throw new Error('a letter about a question needs a known citizen')
  const [entries, person] = await Promise.all([
    trx
      .selectFrom('question_entries')
      .select(['id', 'kind', 'body'])
      .where('question_id', '=', questionId)
      .where('kind', 'in', ['question', 'acknowledgement', 'answer'])
      .orderBy('seq')
      .execute(),
    trx
      .selectFrom('persons as p')
      .leftJoin('addresses as a', 'a.id', 'p.address_id')
      .leftJoin('contact_details as cd', 'cd.bsn', 'p.bsn')
      .select([
        'p.given_names',
        'p.name_prefix',
        'p.surname',
        'a.street',
        'a.house_number',
        'a.house_letter',
        'a.house_number_addition',
        'a.postcode',
        'a.city',
        'cd.email',
        'cd.email_verified_at',
        'cd.letter_channel',
      ])
      .where('p.bsn', '=', q.bsn)
      .executeTakeFirstOrThrow(),
  ])
  const entry = entries.find((e) => e.id === entryId)
  if (!entry || entry.kind === 'question') throw new Error('a question letter sends an acknowledgement or an answer')
  const language = q.language
  const topics = resources[language].topics as Record<string, { label: string }>
  const ctx: QuestionLetterContext = {
    reference: q.reference,
    topicLabel: isTopic(q.topic) ? topics[q.topic].label : q.topic,
    receivedOn: localDateOf(new Date(q.received_at)),
    answerBy: q.answer_by,
    question: entries.find((e) => e.kind === 'question')?.body ?? '',
    recipient: {
      name: personName({ givenNames: person.given_names, namePrefix: person.name_prefix, surname: person.surname }),
      addressLines:
        person.street && person.house_number !== null && person.postcode && person.city
          ? addressLines({
              street: person.street,
              houseNumber: person.house_number,
              houseLetter: person.house_letter,
              houseNumberAddition: person.house_number_addition,
              postcode: person.postcode,
              city: person.city,
            })
          : [],
      language,
    },
    letterDate: localDateOf(now),
    municipality: MUNICIPALITY,
    threadUrl: `${publicBaseUrl()}/mijn/vragen/${q.id}`,
    department: q.department,
  }
  const letter =
    entry.kind === 'acknowledgement'
      ? questionAcknowledgementLetter(ctx)
      : questionAnswerLetter({ ...ctx, answer: entry.body })
  const digital =
    (person.letter_channel ?? 'digital') === 'digital' && !!person.email && person.email_verified_at !== null
  const inserted = await trx
    .insertInto('letters')
    .values({
      question_id: q.id,
      question_entry_id: entryId,
      bsn: q.bsn,
      template_code: letter.templateCode,
      template_version: letter.templateVersion,
      language: letter.language,
      title: letter.title,
      content: JSON.stringify(contentOf(letter)),
      letter_date: ctx.letterDate,
      delivery: digital ? 'digital' : 'paper',
    })
    .onConflict((oc) => oc.column('question_entry_id').where('question_entry_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted && digital) await enqueueLetterNotice(trx, inserted.id)
}
