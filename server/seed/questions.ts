import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { DB } from '../../db/client'
import type { Insertable } from 'kysely'
import type { AnswerChannel, QuestionChannel, QuestionEntriesTable, QuestionEntryKind } from '../../db/schema'
import { personaByKey } from '../../db/seed/personas'
import { addDays, localDateOf, startOfDayIn, todayIn, type LocalDate } from '~/domain/local-date'
import { messageTerms } from '~/domain/messages'
import { questionReference } from '~/domain/questions'
import { addWorkingDays } from '~/domain/working-days'
import { holidayCalendar } from '~/services/calendar.server'
import { questionNorms, type QuestionNorms } from '~/services/questions/norms.server'

/**
 * Demo questions and contact moments, relative to `now` as the cases are:
 * - for the charter (/kwaliteitshandvest, /medewerker/kwaliteit): a year of questions by
 *   internet, e-mail and post from people without an account, acknowledged and answered at
 *   realistic delays — most in time, some late, post a little worse than its 100 % target;
 * - for the demo: Jan's answered question (answer unread, with an article) and his open one;
 *   Fatima's question handed over to Vergunningen with a note; open questions in the contact
 *   centre's inbox at different risk; a post question registered three days after it came in;
 *   a public-form question with only an e-mail address;
 * - calls and counter visits for Jan and Fatima, one about a case, one about a question.
 * Rows are written as `registerQuestion` writes them (the question, its entry, the
 * acknowledgement with the channel it went by, the terms from the day of receipt).
 * Deterministic (a fixed pseudo-random sequence) and run once: a database with questions is left alone.
 */
export async function seedDemoQuestions(db: DB, now: Date): Promise<void> {
  const { count } = await db
    .selectFrom('questions')
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow()
  if (count > 0) return
  const norms = await questionNorms(db)
  const writer = new QuestionWriter(db, norms)
  await seedCharterQuestions(writer, now)
  await seedDemoThreads(db, writer, now)
}

/** A fixed pseudo-random sequence (LCG), so every demo database has the same figures. */
function sequence(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

/**
 * A moment for a column the database would otherwise fill with now(): db/schema.ts types those
 * as `Generated<Timestamp>`, whose insert type Kysely does not unwrap to a Date (pg takes one).
 */
const at = (d: Date) => d as unknown as Insertable<QuestionEntriesTable>['at']

/** Noon-ish on a day in Groningen plus some hours: a plausible time of day. */
function atOn(day: LocalDate, hour: number, minute = 0): Date {
  return new Date(startOfDayIn(day).getTime() + (hour * 60 + minute) * 60_000)
}

interface EntrySeed {
  kind: QuestionEntryKind
  at: Date
  author: 'citizen' | 'employee' | 'system'
  employeeId?: string
  body: string
  sentVia?: AnswerChannel
  department?: string
  articleSlugs?: string[]
  readAt?: Date | null
}

interface QuestionSeed {
  bsn?: string | null
  contactName?: string | null
  email?: string | null
  phone?: string | null
  topic: string
  channel: QuestionChannel
  answerChannel: AnswerChannel
  receivedAt: Date
  registeredAt?: Date
  registeredBy?: string | null
  department?: string | null
  caseId?: string | null
  entries: EntrySeed[]
}

const ACK_TEXT =
  'Wij hebben uw vraag ontvangen. U krijgt binnen 6 weken antwoord. Uw vraag heeft kenmerk {ref}; noem dit kenmerk als u contact met ons opneemt.'

class QuestionWriter {
  constructor(
    private readonly db: DB,
    private readonly norms: Record<QuestionChannel, QuestionNorms>,
  ) {}

  async write(q: QuestionSeed): Promise<{ id: string; reference: string }> {
    const receivedOn = localDateOf(q.receivedAt)
    const terms = messageTerms(receivedOn, this.norms[q.channel], holidayCalendar())
    const { n } = await sql<{ n: string }>`select nextval('question_reference_seq') as n`
      .execute(this.db)
      .then((r) => r.rows[0])
    const reference = questionReference(Number(receivedOn.slice(0, 4)), Number(n))
    const answers = q.entries.filter((e) => e.kind === 'answer' || e.kind === 'follow_up')
    const last = answers[answers.length - 1]
    const { id } = await this.db
      .insertInto('questions')
      .values({
        reference,
        bsn: q.bsn ?? null,
        contact_name: q.contactName ?? null,
        email: q.email ?? null,
        phone: q.phone ?? null,
        topic: q.topic,
        channel: q.channel,
        answer_channel: q.answerChannel,
        language: 'nl',
        received_at: q.receivedAt,
        // Registered when it was opened, never before it came in.
        registered_at: at(new Date(Math.max((q.registeredAt ?? q.receivedAt).getTime(), q.receivedAt.getTime()))),
        registered_by: q.registeredBy ?? null,
        acknowledge_by: terms.acknowledgeBy,
        answer_by: terms.answerBy,
        department: q.department ?? null,
        case_id: q.caseId ?? null,
        answered_at: last?.kind === 'answer' ? last.at : null,
        form_id: randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await this.db
      .insertInto('question_entries')
      .values(
        q.entries.map((e) => ({
          question_id: id,
          kind: e.kind,
          author_kind: e.author,
          employee_id: e.author === 'employee' ? (e.employeeId ?? 'E2002') : null,
          body: e.body.replace('{ref}', reference),
          department: e.department ?? null,
          article_slugs: e.articleSlugs ?? [],
          sent_via: e.sentVia ?? null,
          at: at(e.at),
          read_at: e.readAt === undefined ? (e.author === 'citizen' ? null : e.at) : e.readAt,
          form_id: e.author === 'citizen' ? randomUUID() : null,
        })),
      )
      .execute()
    return { id, reference }
  }
}

const CHARTER_TOPICS = ['moving', 'waste', 'parking', 'taxes', 'identity', 'publicSpace', 'care', 'building'] as const
const CHARTER_QUESTIONS: Record<(typeof CHARTER_TOPICS)[number], string> = {
  moving: 'Hoe lang van tevoren moet ik mijn verhuizing doorgeven?',
  waste: 'Mijn container is niet geleegd. Wanneer komt de wagen opnieuw?',
  parking: 'Kan ik een bezoekersvergunning krijgen voor mijn moeder?',
  taxes: 'Ik heb twee aanslagen gekregen voor hetzelfde jaar. Klopt dat?',
  identity: 'Mijn paspoort verloopt over twee maanden. Moet ik al een afspraak maken?',
  publicSpace: 'Er staat al een week een kapotte lantaarnpaal in onze straat.',
  care: 'Kan ik hulp krijgen bij het schoonmaken van mijn huis?',
  building: 'Heb ik een vergunning nodig voor een schutting van twee meter?',
}

/** Per channel: questions a quarter, and the chance that the acknowledgement or the answer is late. */
const CHARTER_MIX: Record<QuestionChannel, { perQuarter: number; lateAck: number; lateAnswer: number }> = {
  internet: { perQuarter: 30, lateAck: 0.03, lateAnswer: 0.04 },
  email: { perQuarter: 24, lateAck: 0.05, lateAnswer: 0.06 },
  post: { perQuarter: 12, lateAck: 0.08, lateAnswer: 0.06 },
}

/**
 * A year of answered questions, up to eight weeks ago (so all are settled and none waits in the
 * inbox), spread over the weeks; a few received just before King's Day and Christmas, where
 * the working days run out.
 */
async function seedCharterQuestions(writer: QuestionWriter, now: Date): Promise<void> {
  const random = sequence(20_260_427)
  const today = todayIn(now)
  const cal = holidayCalendar()
  const first = addDays(today, -364)
  const last = addDays(today, -56)
  const span = 364 - 56
  const days: Array<{ channel: QuestionChannel; on: LocalDate }> = []
  for (const channel of ['internet', 'email', 'post'] as const) {
    const count = CHARTER_MIX[channel].perQuarter * 4
    for (let i = 0; i < count; i++) days.push({ channel, on: addDays(first, Math.floor(random() * span)) })
  }
  // Around the holidays: the days before King's Day (27 April) and Christmas in the year shown.
  for (const holiday of ['04-24', '04-25', '12-22', '12-23']) {
    for (const year of [Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4))]) {
      const on = `${year}-${holiday}` as LocalDate
      if (on >= first && on <= last) {
        days.push({ channel: 'email', on })
        days.push({ channel: 'post', on })
      }
    }
  }
  days.sort((a, b) => a.on.localeCompare(b.on))
  let n = 0
  for (const { channel, on } of days) {
    n++
    const mix = CHARTER_MIX[channel]
    const topic = CHARTER_TOPICS[Math.floor(random() * CHARTER_TOPICS.length)]
    const receivedAt = atOn(on, 8 + Math.floor(random() * 9), Math.floor(random() * 60))
    // Post is registered when it is opened: the same or the next working days.
    const registeredAt = channel === 'post' ? atOn(addWorkingDays(on, Math.floor(random() * 2), cal), 10) : receivedAt
    const ackDays =
      random() < mix.lateAck
        ? 6 + Math.floor(random() * 3)
        : channel === 'post'
          ? 2 + Math.floor(random() * 3)
          : Math.floor(random() * 3)
    const ackAt = new Date(
      Math.max(atOn(addWorkingDays(on, ackDays, cal), 9).getTime(), registeredAt.getTime() + 60_000),
    )
    const answerDays = random() < mix.lateAnswer ? 43 + Math.floor(random() * 10) : 3 + Math.floor(random() * 30)
    const answerAt = atOn(addDays(on, answerDays), 14)
    const who = `inwoner${String(n).padStart(4, '0')}@example.nl`
    await writer.write({
      email: who,
      topic,
      channel,
      answerChannel: 'email',
      receivedAt,
      registeredAt,
      registeredBy: channel === 'internet' ? null : 'E2002',
      entries: [
        { kind: 'question', at: receivedAt, author: 'citizen', body: CHARTER_QUESTIONS[topic] },
        { kind: 'acknowledgement', at: ackAt, author: 'system', body: ACK_TEXT, sentVia: 'email' },
        {
          kind: 'answer',
          at: answerAt,
          author: 'employee',
          employeeId: 'E2002',
          body: 'Dank u voor uw vraag. Hierbij ons antwoord; u vindt meer informatie op onze website.',
          sentVia: 'email',
        },
      ],
    })
  }
}

/** The day whose answer term ends `workingDays` working days after today: "due in two days". */
function receivedForAnswerDue(today: LocalDate, workingDays: number, norms: QuestionNorms): LocalDate {
  const cal = holidayCalendar()
  const due = addWorkingDays(today, workingDays, cal)
  for (let back = 35; back < 60; back++) {
    const on = addDays(today, -back)
    if (messageTerms(on, norms, cal).answerBy === due) return on
  }
  return addDays(today, -40)
}

async function seedDemoThreads(db: DB, writer: QuestionWriter, now: Date): Promise<void> {
  const today = todayIn(now)
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)
  const onDay = (daysAgo: number, hour: number, minute = 0) => atOn(addDays(today, -daysAgo), hour, minute)
  const jan = personaByKey('jan')
  const fatima = personaByKey('fatima')
  const pieter = personaByKey('pieter')
  const noor = personaByKey('noor')

  // Jan: answered, the answer not read yet, with the article on moving.
  const janAsked = onDay(6, 9, 12)
  const janAnswered = await writer.write({
    bsn: jan.bsn,
    topic: 'moving',
    channel: 'internet',
    answerChannel: 'portal',
    receivedAt: janAsked,
    entries: [
      {
        kind: 'question',
        at: janAsked,
        author: 'citizen',
        body: 'Ik ga met mijn vriendin samenwonen in Haren. Moet ik de verhuizing zelf doorgeven of doet zij dat voor mij?',
        readAt: onDay(6, 10),
      },
      {
        kind: 'acknowledgement',
        at: new Date(janAsked.getTime() + 60_000),
        author: 'system',
        body: ACK_TEXT,
        sentVia: 'portal',
      },
      {
        kind: 'answer',
        at: onDay(2, 11, 30),
        author: 'employee',
        employeeId: 'E2002',
        body: 'Beste heer Jansen,\n\nU geeft uw verhuizing zelf door, uiterlijk 5 dagen na de verhuisdatum. Uw vriendin kan dat niet voor u doen, tenzij u haar machtigt. Hoe u het doorgeeft, leest u op /onderwerpen/verhuizing-doorgeven.\n\nMet vriendelijke groet,\nLotte de Vries',
        sentVia: 'portal',
        articleSlugs: ['verhuizing-doorgeven'],
        readAt: null,
      },
    ],
  })
  // Jan: open, asked yesterday.
  const janOpenAt = onDay(1, 16, 40)
  const janOpen = await writer.write({
    bsn: jan.bsn,
    topic: 'parking',
    channel: 'internet',
    answerChannel: 'portal',
    receivedAt: janOpenAt,
    entries: [
      {
        kind: 'question',
        at: janOpenAt,
        author: 'citizen',
        body: 'Mag ik mijn parkeervergunning meenemen naar mijn nieuwe adres, of moet ik een nieuwe aanvragen?',
      },
      {
        kind: 'acknowledgement',
        at: new Date(janOpenAt.getTime() + 60_000),
        author: 'system',
        body: ACK_TEXT,
        sentVia: 'portal',
      },
    ],
  })

  // Fatima: handed over to Vergunningen, with an internal note.
  const fatimaAt = onDay(8, 10, 5)
  await writer.write({
    bsn: fatima.bsn,
    email: fatima.email,
    topic: 'building',
    channel: 'email',
    answerChannel: 'email',
    receivedAt: fatimaAt,
    registeredAt: onDay(7, 9),
    registeredBy: 'E2002',
    department: 'Vergunningen',
    entries: [
      {
        kind: 'question',
        at: fatimaAt,
        author: 'citizen',
        body: 'Wij willen een aanbouw van 3 meter diep aan de achterkant van ons huis. Hebben we daar een vergunning voor nodig?',
      },
      { kind: 'acknowledgement', at: onDay(7, 9, 5), author: 'system', body: ACK_TEXT, sentVia: 'email' },
      {
        kind: 'handover',
        at: onDay(7, 9, 20),
        author: 'employee',
        employeeId: 'E2002',
        department: 'Vergunningen',
        body: 'Vraagt naar een aanbouw; hangt af van het bestemmingsplan. Graag beoordelen door Vergunningen.',
      },
      {
        kind: 'note',
        at: onDay(5, 14),
        author: 'employee',
        employeeId: 'E1001',
        body: 'Bestemmingsplan opgevraagd; antwoord volgt deze week.',
      },
    ],
  })

  // The inbox: one late, one due in two working days, one fresh.
  const lateAt = onDay(46, 11)
  await writer.write({
    email: 'r.bakker@example.nl',
    contactName: 'R. Bakker',
    topic: 'taxes',
    channel: 'email',
    answerChannel: 'email',
    receivedAt: lateAt,
    registeredAt: onDay(45, 9),
    registeredBy: 'E2002',
    entries: [
      {
        kind: 'question',
        at: lateAt,
        author: 'citizen',
        body: 'Waarom is mijn aanslag afvalstoffenheffing dit jaar hoger dan vorig jaar?',
      },
      { kind: 'acknowledgement', at: onDay(45, 9, 10), author: 'system', body: ACK_TEXT, sentVia: 'email' },
    ],
  })
  const dueOn = receivedForAnswerDue(today, 2, (await questionNorms(db)).internet)
  const dueAt = atOn(dueOn, 13, 25)
  await writer.write({
    bsn: noor.bsn,
    topic: 'care',
    channel: 'internet',
    answerChannel: 'portal',
    receivedAt: dueAt,
    entries: [
      {
        kind: 'question',
        at: dueAt,
        author: 'citizen',
        body: 'Kan mijn vader een scootmobiel krijgen via de Wmo? Hij woont nog zelfstandig.',
      },
      {
        kind: 'acknowledgement',
        at: new Date(dueAt.getTime() + 60_000),
        author: 'system',
        body: ACK_TEXT,
        sentVia: 'portal',
      },
    ],
  })
  const freshAt = hoursAgo(2)
  await writer.write({
    email: 'h.dijkstra@example.nl',
    contactName: 'Henk Dijkstra',
    topic: 'waste',
    channel: 'internet',
    answerChannel: 'email',
    receivedAt: freshAt,
    entries: [
      { kind: 'question', at: freshAt, author: 'citizen', body: 'Waar kan ik een oude bank kwijt? Ik heb geen auto.' },
      {
        kind: 'acknowledgement',
        at: new Date(freshAt.getTime() + 60_000),
        author: 'system',
        body: ACK_TEXT,
        sentVia: 'email',
      },
    ],
  })
  // A letter that came in three days before the contact centre registered it.
  const postAt = onDay(4, 9)
  await writer.write({
    bsn: pieter.bsn,
    email: pieter.email,
    topic: 'grants',
    channel: 'post',
    answerChannel: 'email',
    receivedAt: postAt,
    registeredAt: onDay(1, 10, 15),
    registeredBy: 'E2002',
    entries: [
      {
        kind: 'question',
        at: postAt,
        author: 'citizen',
        body: '(Brief, overgenomen door het Klantcontactcentrum) Onze buurtvereniging wil een straatfeest houden. Kunnen wij daar subsidie voor krijgen?',
      },
      { kind: 'acknowledgement', at: onDay(1, 10, 20), author: 'system', body: ACK_TEXT, sentVia: 'email' },
    ],
  })

  // Contact moments: a call about Jan's open question, a counter visit about his permit.
  const permit = await db.selectFrom('cases').select('id').where('external_id', '=', 'ZS-1001').executeTakeFirst()
  await db
    .insertInto('contact_moments')
    .values([
      {
        bsn: jan.bsn,
        channel: 'phone',
        subject: 'Parkeervergunning bij verhuizing',
        topic: 'parking',
        summary:
          'Belde over zijn vraag over de parkeervergunning. Uitgelegd dat het antwoord binnen 6 weken komt; meestal sneller.',
        employee_id: 'E2002',
        question_id: janOpen.id,
        occurred_at: at(onDay(0, 9, 45) < now ? onDay(0, 9, 45) : hoursAgo(1)),
        recorded_at: at(now),
      },
      {
        bsn: jan.bsn,
        channel: 'counter',
        subject: 'Tekeningen dakkapel',
        topic: 'building',
        summary:
          'Kwam langs met papieren tekeningen van de dakkapel. Uitgelegd dat de tekeningen al in de zaak zitten.',
        employee_id: 'E2001',
        case_id: permit?.id ?? null,
        occurred_at: at(onDay(9, 14, 10)),
        recorded_at: at(onDay(9, 14, 20)),
      },
      {
        bsn: jan.bsn,
        channel: 'phone',
        subject: 'Verhuizing doorgeven',
        topic: 'moving',
        summary: 'Vroeg of hij zijn verhuizing ook telefonisch kan doorgeven. Verwezen naar Mijn Stad.',
        employee_id: 'E2002',
        question_id: janAnswered.id,
        occurred_at: at(onDay(3, 11, 5)),
        recorded_at: at(onDay(3, 11, 8)),
      },
      {
        bsn: fatima.bsn,
        channel: 'phone',
        subject: 'Aanbouw achterkant',
        topic: 'building',
        summary: 'Vroeg hoe het staat met haar vraag over de aanbouw. Ligt bij Vergunningen; zij nemen contact op.',
        employee_id: 'E2002',
        occurred_at: at(onDay(3, 15, 30)),
        recorded_at: at(onDay(3, 15, 32)),
      },
    ])
    .execute()
}
