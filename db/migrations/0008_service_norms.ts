import { sql, type Kysely } from 'kysely'
import { holidaysOf } from '../../app/domain/working-days'

/**
 * The quality charter (kwaliteitshandvest) as configuration, and what measuring it needs
 * (issue 8; DESIGN §4; seed §2.2, §3.4 and appendix 2 "Afhandelingsnormen").
 *
 * 1. `service_norms`: every norm of appendix 2, seeded here rather than in db/seed, because they
 *    are the municipality's adopted configuration (like the migration's own check constraints),
 *    not demo data: every database needs them, production included, and a change of norm is a
 *    decision of the college that deserves its own migration. Norms that cases can measure
 *    (`measured_from_cases`) carry a measure and a target; the counter, phone and chat norms
 *    are stored as text, because the portal cannot see waiting rooms or telephone exchanges.
 *    Where appendix 2 names no norm for a channel (internet), the e-mail norm is applied and
 *    the row says so (`derived`).
 * 2. `non_working_days`: the statutory holidays of the Algemene termijnenwet for 2000–2060,
 *    generated from app/domain/working-days.ts (the one table of holidays in code), so that the
 *    quality queries count working days in SQL exactly as the domain does. Days equated by decree
 *    (HOLIDAYS_BY_DECREE) are configuration of the running app and are passed to the queries as
 *    a parameter. Should the statutory table ever change, a new migration refreshes these rows.
 * 3. Indexes for the quality queries: cases by date of receipt, the term events by case, BRIN
 *    indexes on the time of events and letters, open cases by contact person (cases at risk).
 */
const FIRST_YEAR = 2000
const LAST_YEAR = 2060

type NormRow = {
  code: string
  channel: 'internet' | 'email' | 'post' | 'counter' | 'phone' | 'chat' | null
  measure: 'acknowledgement' | 'answer' | 'decision' | 'other'
  term_amount: number | null
  term_unit: 'working_days' | 'weeks' | 'case_type' | 'seconds' | 'minutes' | 'hours' | null
  target_percent: number
  derived?: boolean
  norm_nl: string
  norm_en: string
  source: string
}

const ACK_NL = 'U krijgt binnen 5 werkdagen een ontvangstbevestiging'
const ACK_EN = 'You get an acknowledgement within 5 working days'
const ANSWER_NL = 'Hebben wij meer tijd nodig? Dan laten wij u dat op tijd weten.'
const ANSWER_EN = 'Do we need more time? Then we tell you in time.'

/** Appendix 2 of the vision on public service ("Afhandelingsnormen / kwaliteitshandvest"). */
const NORMS: NormRow[] = [
  // --- measured from the cases and their letters -------------------------------------------
  {
    code: 'acknowledgement.internet',
    channel: 'internet',
    measure: 'acknowledgement',
    term_amount: 5,
    term_unit: 'working_days',
    target_percent: 98,
    derived: true,
    norm_nl: `${ACK_NL} van uw aanvraag via internet.`,
    norm_en: `${ACK_EN} of your online application.`,
    source: 'Bijlage 2, Mail – registratie (ook toegepast op internet); §2.2 Brieven',
  },
  {
    code: 'acknowledgement.email',
    channel: 'email',
    measure: 'acknowledgement',
    term_amount: 5,
    term_unit: 'working_days',
    target_percent: 98,
    norm_nl: `${ACK_NL} van uw e-mail.`,
    norm_en: `${ACK_EN} of your e-mail.`,
    source: 'Bijlage 2, Mail – registratie binnen 5 dagen ontvangstbevestiging',
  },
  {
    code: 'acknowledgement.post',
    channel: 'post',
    measure: 'acknowledgement',
    term_amount: 5,
    term_unit: 'working_days',
    target_percent: 98,
    norm_nl: `${ACK_NL} van uw brief.`,
    norm_en: `${ACK_EN} of your letter.`,
    source: 'Bijlage 2, Post – registratie binnen 5 dagen ontvangstbevestiging',
  },
  {
    code: 'answer.internet',
    channel: 'internet',
    measure: 'answer',
    term_amount: 6,
    term_unit: 'weeks',
    target_percent: 95,
    derived: true,
    norm_nl: `U krijgt binnen 6 weken antwoord op uw aanvraag via internet. ${ANSWER_NL}`,
    norm_en: `You get an answer to your online application within 6 weeks. ${ANSWER_EN}`,
    source: 'Bijlage 2, Mail – tijdigheid (ook toegepast op internet); §2.2 Brieven',
  },
  {
    code: 'answer.email',
    channel: 'email',
    measure: 'answer',
    term_amount: 6,
    term_unit: 'weeks',
    target_percent: 95,
    norm_nl: `U krijgt binnen 6 weken antwoord op uw e-mail. ${ANSWER_NL}`,
    norm_en: `You get an answer to your e-mail within 6 weeks. ${ANSWER_EN}`,
    source: 'Bijlage 2, Mail – tijdigheid binnen 6 weken antwoord',
  },
  {
    code: 'answer.post',
    channel: 'post',
    measure: 'answer',
    term_amount: 6,
    term_unit: 'weeks',
    target_percent: 100,
    norm_nl: `U krijgt binnen 6 weken antwoord op uw brief. ${ANSWER_NL}`,
    norm_en: `You get an answer to your letter within 6 weeks. ${ANSWER_EN}`,
    source: 'Bijlage 2, Post – tijdigheid binnen 6 weken antwoord',
  },
  {
    code: 'decision',
    channel: null,
    measure: 'decision',
    term_amount: null,
    term_unit: 'case_type',
    target_percent: 100,
    norm_nl:
      'Wij beslissen op uw aanvraag binnen de termijn van de wet of regeling. Die termijn staat in uw ontvangstbevestiging.',
    norm_en:
      'We decide on your application within the term set by law or regulation. Your acknowledgement tells you that term.',
    source: 'Awb art. 4:13–4:15; Bijlage 2: normen per dienst',
  },

  // --- not measurable from cases: kept as the charter's text ---------------------------------
  {
    code: 'counter.walk_in_wait',
    channel: 'counter',
    measure: 'other',
    term_amount: 15,
    term_unit: 'minutes',
    target_percent: 80,
    norm_nl: 'Komt u zonder afspraak naar de balie? Dan bent u binnen 15 minuten aan de beurt.',
    norm_en: 'Do you come to the counter without an appointment? Then it is your turn within 15 minutes.',
    source: 'Bijlage 2, Balie – wachttijd vrije inloop',
  },
  {
    code: 'counter.appointment_wait',
    channel: 'counter',
    measure: 'other',
    term_amount: 5,
    term_unit: 'minutes',
    target_percent: 95,
    norm_nl: 'Heeft u een afspraak? Dan bent u binnen 5 minuten aan de beurt.',
    norm_en: 'Do you have an appointment? Then it is your turn within 5 minutes.',
    source: 'Bijlage 2, Balie – wachttijd afspraak',
  },
  {
    code: 'phone.answered_by_employee',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 98,
    norm_nl: 'Als u belt, krijgt u een medewerker van de gemeente aan de lijn.',
    norm_en: 'When you call, you speak to an employee of the municipality.',
    source: 'Bijlage 2, Telefoon – opnemen door medewerker',
  },
  {
    code: 'phone.answered_in_time',
    channel: 'phone',
    measure: 'other',
    term_amount: 30,
    term_unit: 'seconds',
    target_percent: 80,
    norm_nl: 'Wij nemen de telefoon binnen 30 seconden op.',
    norm_en: 'We answer the phone within 30 seconds.',
    source: 'Bijlage 2, Telefoon – tijdigheid',
  },
  {
    code: 'phone.greeting',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 90,
    norm_nl: 'De medewerker noemt de gemeente of de dienst en zijn of haar naam.',
    norm_en: 'The employee says the name of the municipality or the department, and their own name.',
    source: 'Bijlage 2, Telefoon – juiste meldtekst',
  },
  {
    code: 'phone.greeting_clear',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 95,
    norm_nl: 'U kunt de medewerker goed verstaan.',
    norm_en: 'You can understand the employee well.',
    source: 'Bijlage 2, Telefoon – meldtekst goed te verstaan',
  },
  {
    code: 'phone.front_office',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 80,
    norm_nl: 'De medewerker die opneemt, helpt u meteen.',
    norm_en: 'The employee who answers helps you straight away.',
    source: 'Bijlage 2, Telefoon – afhandeling direct door frontoffice',
  },
  {
    code: 'phone.transfer_guidance',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 80,
    norm_nl: 'Moeten wij u doorverbinden? Dan zeggen wij u wat er gebeurt.',
    norm_en: 'Do we need to put you through? Then we tell you what happens.',
    source: 'Bijlage 2, Telefoon – doorverbinden: goede gespreksbegeleiding',
  },
  {
    code: 'phone.transfer_time',
    channel: 'phone',
    measure: 'other',
    term_amount: 30,
    term_unit: 'seconds',
    target_percent: 80,
    norm_nl: 'Doorverbinden duurt niet langer dan 30 seconden.',
    norm_en: 'Putting you through takes no longer than 30 seconds.',
    source: 'Bijlage 2, Telefoon – doorverbinden maximaal 30 seconden',
  },
  {
    code: 'phone.timely_feedback',
    channel: 'phone',
    measure: 'other',
    term_amount: 30,
    term_unit: 'seconds',
    target_percent: 80,
    norm_nl: 'Moet u langer dan 30 seconden wachten? Dan vragen wij of u nog wilt wachten.',
    norm_en: 'Do you have to wait longer than 30 seconds? Then we ask if you want to keep waiting.',
    source: 'Bijlage 2, Telefoon – tijdige terugkoppeling',
  },
  {
    code: 'phone.proactive',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 90,
    norm_nl: 'Weet de medewerker het antwoord niet? Dan zorgt hij of zij dat iemand u terugbelt.',
    norm_en: 'Does the employee not know the answer? Then they make sure someone calls you back.',
    source: 'Bijlage 2, Telefoon – geen antwoord: pro-actieve oplossing',
  },
  {
    code: 'phone.closing',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 90,
    norm_nl: 'Wij sluiten het gesprek vriendelijk af.',
    norm_en: 'We end the call in a friendly way.',
    source: 'Bijlage 2, Telefoon – afsluiting positief',
  },
  {
    code: 'phone.caller_hangs_up_first',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 80,
    norm_nl: 'Wij hangen pas op als u hebt opgehangen.',
    norm_en: 'We only hang up after you have hung up.',
    source: 'Bijlage 2, Telefoon – afsluiting: als laatste verbinding verbreken',
  },
  {
    code: 'phone.correct_answer',
    channel: 'phone',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 90,
    norm_nl: 'U krijgt meteen een juist en volledig antwoord.',
    norm_en: 'You get a correct and complete answer straight away.',
    source: 'Bijlage 2, Telefoon – inhoudelijk juist en volledig antwoord (frontoffice)',
  },
  {
    code: 'phone.correct_answer_back_office',
    channel: 'phone',
    measure: 'other',
    term_amount: 24,
    term_unit: 'hours',
    target_percent: 90,
    norm_nl: 'Moet een specialist uw vraag beantwoorden? Dan krijgt u binnen 24 uur een juist en volledig antwoord.',
    norm_en:
      'Does a specialist need to answer your question? Then you get a correct and complete answer within 24 hours.',
    source: 'Bijlage 2, Telefoon – inhoudelijk juist en volledig antwoord binnen 24 uur (backoffice)',
  },
  {
    code: 'chat.answered_in_time',
    channel: 'chat',
    measure: 'other',
    term_amount: 30,
    term_unit: 'seconds',
    target_percent: 80,
    norm_nl: 'In de chat reageren wij binnen 30 seconden.',
    norm_en: 'In the chat we reply within 30 seconds.',
    source: 'Bijlage 2, Chat – tijdigheid',
  },
  {
    code: 'chat.front_office',
    channel: 'chat',
    measure: 'other',
    term_amount: null,
    term_unit: null,
    target_percent: 80,
    norm_nl: 'In de chat helpen wij u meteen.',
    norm_en: 'In the chat we help you straight away.',
    source: 'Bijlage 2, Chat – afhandeling direct door frontoffice',
  },
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_norms')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull().unique())
    // null: every channel (the decision term applies whichever way a request came in)
    .addColumn('channel', 'text', (c) =>
      c.check(sql`channel in ('internet', 'email', 'post', 'counter', 'phone', 'chat')`),
    )
    .addColumn('measure', 'text', (c) =>
      c.notNull().check(sql`measure in ('acknowledgement', 'answer', 'decision', 'other')`),
    )
    .addColumn('measured_from_cases', 'boolean', (c) =>
      c
        .notNull()
        .generatedAlwaysAs(sql`measure <> 'other'`)
        .stored(),
    )
    .addColumn('term_amount', 'integer', (c) => c.check(sql`term_amount > 0`))
    .addColumn('term_unit', 'text', (c) =>
      c.check(sql`term_unit in ('working_days', 'weeks', 'case_type', 'seconds', 'minutes', 'hours')`),
    )
    .addColumn('target_percent', 'integer', (c) => c.notNull().check(sql`target_percent between 0 and 100`))
    // true: appendix 2 names no norm for this channel; the norm of a like channel is applied
    .addColumn('derived', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('norm_nl', 'text', (c) => c.notNull())
    .addColumn('norm_en', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute()
  // One measurable norm per measure and channel: the dashboard must find exactly one target.
  await sql`create unique index service_norms_measure on service_norms (measure, coalesce(channel, '*')) where measure <> 'other'`.execute(
    db,
  )
  await db
    .insertInto('service_norms')
    .values(NORMS.map((n, i) => ({ ...n, derived: n.derived ?? false, position: i + 1 })))
    .execute()

  await db.schema
    .createTable('non_working_days')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()
  // One row per day; two holidays can fall on one day (Ascension Day on 5 May in 2005 and 2016).
  const days = new Map<string, string[]>()
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const h of holidaysOf(year)) days.set(h.date, [...(days.get(h.date) ?? []), h.name])
  }
  await db
    .insertInto('non_working_days')
    .values([...days].map(([day, names]) => ({ day, name: names.join(', ') })))
    .execute()

  // The cohort of a period: cases by date of receipt, with all the grouping needs (index-only).
  await sql`create index cases_received_on on cases (received_on) include (id, channel, case_type_code)`.execute(db)
  // The events that move or end a term, by case: the end of each suspension, and the open
  // cases' events for the cases at risk. Skips the many step events.
  await sql`create index case_events_terms on case_events (case_id, seq) include (type, occurred_at)
    where type in ('suspended', 'resumed', 'extended', 'decided')`.execute(db)
  // Both tables only grow, in time order: a BRIN index (a few pages) lets a period's query read
  // the recent part of each instead of all of it.
  await sql`create index case_events_occurred_brin on case_events using brin (occurred_at)`.execute(db)
  await sql`create index letters_date_brin on letters using brin (letter_date)`.execute(db)
  // A caseworker's open cases (cases at risk).
  await sql`create index cases_open_by_contact on cases (contact_employee_id) where status in ('open', 'suspended')`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'cases_open_by_contact',
    'letters_date_brin',
    'case_events_occurred_brin',
    'case_events_terms',
    'cases_received_on',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db)
  }
  await db.schema.dropTable('non_working_days').ifExists().execute()
  await db.schema.dropTable('service_norms').ifExists().execute()
}
