/**
 * The letters the municipality writes itself, composed from a case event and the case as it
 * stands right after it. Pure: the service hands in everything (the event, the derived state,
 * the case, the recipient, the date); the result is the full text as structured blocks, stored
 * as an immutable snapshot and rendered the same way as HTML and as PDF.
 *
 * What the letters must say, and why:
 * - Acknowledgement (ontvangstbevestiging), seed §2.2 "Brieven"/"E-mail" and DESIGN §4: within
 *   five working days; the reference, the date received, the latest decision date, the steps,
 *   how to follow the case online and which employee to call directly. When the case was
 *   registered late the letter says so and apologises (the quality charter counts it as late).
 * - Extension (verdaging), Awb 4:14: told within the term, with the reason and the new date.
 * - Request for information (opschorting), Awb 4:15(1)(a) with 4:5: what is needed, by when,
 *   that the term stands still meanwhile, and what happens when nothing comes.
 * - Decision notice: the decision is taken, its outcome, and where to read it; a refusal can be
 *   objected to within six weeks (Awb 6:7, counted from the day after the letter, Awb 6:8).
 * - Correction of BRP data (Wet BRP art. 2.58): the college decides in writing, so this letter
 *   *is* the decision; a refusal is open to objection, and the letter says how (Awb 6:5).
 *
 * Plain language, B1 (seed §2.2: "De brieven die we versturen zijn voor de lezer begrijpelijk"):
 * short sentences, active voice, "u", no legal jargon. `letters-readability.ts` measures it and
 * tests/unit/letters-readability.test.ts fails when a template drifts above the bar.
 *
 * A template's text is versioned: change the words, raise its `version`. Issued letters keep
 * the text they were written with (the snapshot), so an old letter never changes.
 */
import type { CaseEvent, CaseState, Outcome } from './case-terms'
import { formatLetterDate, type LetterLanguage } from './letters-format'
import { addDays, compareLocalDate, type LocalDate } from './local-date'
import { nextWorkingDayOnOrAfter, type HolidayCalendar } from './working-days'

export type { LetterLanguage } from './letters-format'

export type LetterTemplateCode =
  | 'acknowledgement'
  | 'extension'
  | 'information_request'
  | 'decision_notice'
  | 'correction_decision'
  // moves (letters-move.ts): to a co-mover, and an address investigation
  | 'move_co_mover_reported'
  | 'move_co_mover_decided'
  | 'move_address_investigation'

/** The version of each template's words; raise it with every change of text. */
export const TEMPLATE_VERSIONS: Record<LetterTemplateCode, number> = {
  acknowledgement: 1,
  extension: 1,
  information_request: 1,
  decision_notice: 1,
  correction_decision: 1,
  move_co_mover_reported: 1,
  move_co_mover_decided: 1,
  move_address_investigation: 1,
}

export interface Fact {
  label: string
  value: string
}

/**
 * The body of a letter. A paragraph's text may hold a web address (https://…): both renderers
 * make that part a link, the text itself stays the same.
 */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; items: Fact[] }

export interface LetterParty {
  name: string
  lines: string[]
}

export interface ComposedLetter {
  templateCode: LetterTemplateCode
  templateVersion: number
  language: LetterLanguage
  /** What the letter is about, in one line: the page title, the PDF title, the list entry. */
  title: string
  /** The letterhead: the municipality's name and postal details. */
  sender: LetterParty
  /** The address block. */
  recipient: LetterParty
  /** Date, our reference, subject: above the salutation. */
  details: Fact[]
  salutation: string
  blocks: LetterBlock[]
  closing: { greeting: string; signature: string[] }
}

export type Localised = Record<LetterLanguage, string>

export interface MunicipalityDetails {
  name: Localised
  /** Where post goes to, e.g. ["Postbus 30026", "9700 RM Groningen"]. */
  postalAddress: string[]
  /** The general number, e.g. "14 050". */
  phone: string
  website: string
  /** Who decides and receives objections: "het college van burgemeester en wethouders". */
  board: Localised
}

export interface LetterCase {
  reference: string
  subject: string
  caseTypeCode: string
  caseTypeName: Localised
  /** The department that handles it; signs the letter. */
  department: string | null
  /** The case type's steps in order, as the citizen sees them. */
  steps: Array<{ code: string; name: Localised; explanation: Localised }>
  /** The employee to call directly; null when the case has none yet. */
  contact: { name: string; phone: string } | null
  /** Where the citizen follows this case online. */
  caseUrl: string
  /** Where the citizen checks their personal data online (the correction letter points there). */
  personalDataUrl?: string
}

export interface LetterRecipient {
  name: string
  addressLines: string[]
  language: LetterLanguage
}

export interface LetterContext {
  /** The event just recorded. */
  event: CaseEvent
  /** The case derived from its history including this event, as of `letterDate`. */
  state: CaseState
  case: LetterCase
  recipient: LetterRecipient
  /** The day the letter is written (today in Europe/Amsterdam). */
  letterDate: LocalDate
  municipality: MunicipalityDetails
  /** For terms the letter names (the six weeks to object), Atw art. 1. */
  calendar: HolidayCalendar
}

/** Awb 6:7: an objection is made within six weeks. */
export const OBJECTION_WEEKS = 6

/**
 * Awb 6:7 and 6:8: six weeks, from the day after the decision was made known (the letter
 * date); a term ending on a weekend day or holiday runs on to the next working day (Atw art. 1).
 */
export function objectionDeadline(letterDate: LocalDate, calendar: HolidayCalendar): LocalDate {
  return nextWorkingDayOnOrAfter(addDays(letterDate, OBJECTION_WEEKS * 7), calendar)
}

/** Whether the acknowledgement is later than the quality charter's five working days. */
export function acknowledgementIsLate(state: CaseState, letterDate: LocalDate): boolean {
  return compareLocalDate(letterDate, state.acknowledgementDueOn) > 0
}

/** The letters an event calls for: none for most, one for the events that inform the citizen. */
export function lettersForEvent(ctx: LetterContext): ComposedLetter[] {
  const { event } = ctx
  switch (event.type) {
    case 'received':
      return [acknowledgement(ctx)]
    case 'extended':
      return [extension(ctx, event.payload.reason)]
    case 'suspended':
      return [informationRequest(ctx, event.payload.information, event.payload.respondBy)]
    case 'decided':
      return [
        ctx.case.caseTypeCode === 'brp_correctie'
          ? correctionDecision(ctx, event.payload.outcome, event.payload.summary)
          : decisionNotice(ctx, event.payload.outcome, event.payload.summary),
      ]
    case 'step_reached':
    case 'resumed':
    case 'closed':
      return []
  }
}

// --- shared parts ------------------------------------------------------------------------------

type Texts = ReturnType<typeof textsFor>

/** What the citizen asked for, in the words of the case type: an application, a request, a move. */
function requestNoun(caseTypeCode: string, language: LetterLanguage): string {
  const nouns: Record<string, Localised> = {
    brp_correctie: { nl: 'verzoek', en: 'request' },
    verhuizing: { nl: 'verhuismelding', en: 'notice of your move' },
  }
  return (nouns[caseTypeCode] ?? { nl: 'aanvraag', en: 'application' })[language]
}

function textsFor(ctx: LetterContext) {
  const language = ctx.recipient.language
  const date = (d: LocalDate) => formatLetterDate(d, language)
  const noun = requestNoun(ctx.case.caseTypeCode, language)
  return { language, date, noun, nl: language === 'nl' }
}

/** A sentence from free text typed by an employee: trimmed, and ending in a full stop. */
function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  if (trimmed === '') return trimmed
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/** The letterhead, the details and the closing around a template's blocks; letters-move.ts uses it too. */
export function frame(
  ctx: LetterContext,
  templateCode: LetterTemplateCode,
  title: string,
  blocks: LetterBlock[],
): ComposedLetter {
  const { language, date, nl } = textsFor(ctx)
  const m = ctx.municipality
  const c = ctx.case
  return {
    templateCode,
    templateVersion: TEMPLATE_VERSIONS[templateCode],
    language,
    title,
    sender: {
      name: m.name[language],
      lines: [...m.postalAddress, `${nl ? 'Telefoon' : 'Phone'} ${m.phone}`, m.website],
    },
    recipient: { name: ctx.recipient.name, lines: ctx.recipient.addressLines },
    details: [
      { label: nl ? 'Datum' : 'Date', value: date(ctx.letterDate) },
      { label: nl ? 'Ons kenmerk' : 'Our reference', value: c.reference },
      { label: nl ? 'Onderwerp' : 'Subject', value: `${c.caseTypeName[language]}: ${c.subject}` },
    ],
    salutation: nl ? `Beste ${ctx.recipient.name},` : `Dear ${ctx.recipient.name},`,
    blocks,
    closing: {
      greeting: nl ? 'Met vriendelijke groet,' : 'Kind regards,',
      signature: [
        c.contact?.name,
        c.department ? (nl ? `Afdeling ${c.department}` : `${c.department} department`) : null,
        m.name[language],
      ].filter((line): line is string => !!line),
    },
  }
}

/** "Follow it online" and "call us": the end of every letter. */
function followAndContact(ctx: LetterContext, t: Texts, { follow = true } = {}): LetterBlock[] {
  const c = ctx.case
  const blocks: LetterBlock[] = []
  if (follow) {
    blocks.push(
      { kind: 'heading', text: t.nl ? `Uw ${t.noun} volgen` : `Follow your ${t.noun}` },
      {
        kind: 'paragraph',
        text: t.nl
          ? `In Mijn Stad ziet u hoe het met uw ${t.noun} gaat. U logt in met DigiD. Ga naar ${c.caseUrl}`
          : `In Mijn Stad you can see how your ${t.noun} is going. You log in with DigiD. Go to ${c.caseUrl}`,
      },
    )
  }
  blocks.push({ kind: 'heading', text: t.nl ? 'Heeft u een vraag?' : 'Do you have a question?' })
  blocks.push({
    kind: 'paragraph',
    text: c.contact
      ? t.nl
        ? `Bel dan ${c.contact.name}. Het directe nummer is ${c.contact.phone}. Noem dan ons kenmerk ${c.reference}.`
        : `Then call ${c.contact.name}. The direct number is ${c.contact.phone}. Please give our reference ${c.reference}.`
      : t.nl
        ? `Bel ons dan op ${ctx.municipality.phone}. Noem dan ons kenmerk ${c.reference}.`
        : `Then call us on ${ctx.municipality.phone}. Please give our reference ${c.reference}.`,
  })
  return blocks
}

function objectionBlocks(ctx: LetterContext, t: Texts, { detailed }: { detailed: boolean }): LetterBlock[] {
  const deadline = t.date(objectionDeadline(ctx.letterDate, ctx.calendar))
  const m = ctx.municipality
  const blocks: LetterBlock[] = [
    { kind: 'heading', text: t.nl ? 'Bent u het niet eens met het besluit?' : 'Do you disagree with the decision?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Dan kunt u bezwaar maken. Dat doet u binnen ${OBJECTION_WEEKS} weken na de datum van deze brief. Dat is uiterlijk op ${deadline}.`
        : `Then you can object. You do this within ${OBJECTION_WEEKS} weeks of the date of this letter. That is on ${deadline} at the latest.`,
    },
  ]
  if (!detailed) {
    blocks.push({
      kind: 'paragraph',
      text: t.nl ? 'In het besluit staat hoe u bezwaar maakt.' : 'The decision explains how to object.',
    })
    return blocks
  }
  blocks.push(
    { kind: 'paragraph', text: t.nl ? 'Schrijf in uw bezwaar:' : 'Write in your objection:' },
    {
      kind: 'list',
      items: t.nl
        ? [
            'uw naam en adres',
            'de datum',
            `ons kenmerk ${ctx.case.reference}`,
            'waarom u het niet eens bent met het besluit',
            'uw handtekening',
          ]
        : [
            'your name and address',
            'the date',
            `our reference ${ctx.case.reference}`,
            'why you disagree with the decision',
            'your signature',
          ],
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Stuur uw bezwaar naar ${m.board.nl}, ${m.postalAddress.join(', ')}.`
        : `Send your objection to ${m.board.en}, ${m.postalAddress.join(', ')}.`,
    },
  )
  return blocks
}

// --- the templates -----------------------------------------------------------------------------

function acknowledgement(ctx: LetterContext): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Bedankt voor uw ${t.noun}. Wij hebben uw ${t.noun} ontvangen op ${t.date(state.receivedOn)}. In deze brief leest u wat er nu gebeurt.`
        : `Thank you for your ${t.noun}. We received your ${t.noun} on ${t.date(state.receivedOn)}. This letter tells you what happens next.`,
    },
  ]
  const c = ctx.case
  const facts: Fact[] = [
    { label: t.nl ? 'Ontvangen op' : 'Received on', value: t.date(state.receivedOn) },
    { label: t.nl ? 'Uiterlijke beslisdatum' : 'Latest decision date', value: t.date(state.decisionDueOn) },
  ]
  if (c.contact) {
    facts.push(
      { label: t.nl ? 'Uw contactpersoon' : 'Your contact person', value: c.contact.name },
      { label: t.nl ? 'Direct telefoonnummer' : 'Direct phone number', value: c.contact.phone },
    )
  }
  if (acknowledgementIsLate(state, ctx.letterDate)) {
    blocks.push({
      kind: 'paragraph',
      text: t.nl
        ? `Deze brief komt te laat. Wij beloven u binnen 5 werkdagen te laten weten dat wij uw ${t.noun} hebben. Dat is deze keer niet gelukt. Onze excuses daarvoor. De datum van ons besluit verandert hierdoor niet.`
        : `This letter is late. We promise to tell you within 5 working days that we have your ${t.noun}. This time we did not manage that. We apologise. The date of our decision does not change because of this.`,
    })
  }
  blocks.push(
    { kind: 'facts', items: facts },
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij?' : 'When will we decide?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij beslissen uiterlijk op ${t.date(state.decisionDueOn)}. Hebben wij meer tijd nodig? Dan krijgt u voor die datum een brief van ons.`
        : `We will decide on ${t.date(state.decisionDueOn)} at the latest. Do we need more time? Then we will write to you before that date.`,
    },
    {
      kind: 'heading',
      text: t.nl ? `Welke stappen volgt uw ${t.noun}?` : `Which steps does your ${t.noun} go through?`,
    },
    {
      kind: 'list',
      items: ctx.case.steps.map((step) => `${step.name[t.language]}: ${asSentence(step.explanation[t.language])}`),
    },
    ...followAndContact(ctx, t),
  )
  return frame(
    ctx,
    'acknowledgement',
    t.nl ? `Wij hebben uw ${t.noun} ontvangen` : `We have received your ${t.noun}`,
    blocks,
  )
}

function extension(ctx: LetterContext, reason: string): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const moves = state.dateMoves
  const index = moves.findLastIndex((move) => move.kind === 'extended')
  const newDate = index >= 0 ? moves[index].newDate : state.decisionDueOn
  const oldDate = index > 0 ? moves[index - 1].newDate : state.originalDecisionDueOn
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij hebben uw ${t.noun} ontvangen op ${t.date(state.receivedOn)}. Wij hebben meer tijd nodig om te beslissen.`
        : `We received your ${t.noun} on ${t.date(state.receivedOn)}. We need more time to decide.`,
    },
    { kind: 'heading', text: t.nl ? 'Waarom hebben wij meer tijd nodig?' : 'Why do we need more time?' },
    { kind: 'paragraph', text: asSentence(reason) },
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij nu?' : 'When will we decide now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij zouden uiterlijk op ${t.date(oldDate)} beslissen. Dat wordt nu uiterlijk ${t.date(newDate)}. Dit uitstel mag volgens de wet één keer.`
        : `We were going to decide by ${t.date(oldDate)}. That is now ${t.date(newDate)} at the latest. The law allows this delay only once.`,
    },
    ...followAndContact(ctx, t),
  ]
  return frame(
    ctx,
    'extension',
    t.nl ? `Wij hebben meer tijd nodig voor uw ${t.noun}` : `We need more time for your ${t.noun}`,
    blocks,
  )
}

function informationRequest(ctx: LetterContext, information: string, respondBy: LocalDate): ComposedLetter {
  const t = textsFor(ctx)
  const m = ctx.municipality
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij werken aan uw ${t.noun}. Wij missen nog informatie. Zonder die informatie kunnen wij niet beslissen.`
        : `We are working on your ${t.noun}. Some information is still missing. Without it we cannot decide.`,
    },
    { kind: 'heading', text: t.nl ? 'Wat hebben wij nodig?' : 'What do we need?' },
    { kind: 'paragraph', text: asSentence(information) },
    { kind: 'heading', text: t.nl ? 'Wanneer moet het bij ons zijn?' : 'When do we need it?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Stuur de informatie uiterlijk op ${t.date(respondBy)}. Dat kan per post naar ${m.postalAddress.join(', ')}. U kunt het ook afgeven bij de balie. Zet ons kenmerk ${ctx.case.reference} erbij.`
        : `Send the information by ${t.date(respondBy)} at the latest. You can post it to ${m.postalAddress.join(', ')}. You can also hand it in at the service desk. Please add our reference ${ctx.case.reference}.`,
    },
    { kind: 'heading', text: t.nl ? 'Wat betekent dit voor ons besluit?' : 'What does this mean for our decision?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Zolang wij op u wachten, staat de tijd voor ons besluit stil. De datum van ons besluit schuift dus op. Dat is met het aantal dagen dat wij wachten. In Mijn Stad ziet u steeds de nieuwe datum.'
        : 'While we wait for you, the time for our decision stands still. So the date of our decision moves. It moves by the number of days we wait. Mijn Stad always shows you the new date.',
    },
    { kind: 'heading', text: t.nl ? 'En als de informatie niet komt?' : 'And if the information does not come?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Krijgen wij de informatie niet op tijd? Dan kunnen wij uw ${t.noun} niet verder behandelen. Of wij beslissen met de informatie die wij al hebben. Lukt het u niet op tijd? Bel ons dan. Misschien kunnen wij u meer tijd geven.`
        : `If we do not get the information in time, we cannot deal with your ${t.noun} any further. Or we decide with the information we already have. Can you not make it in time? Then call us. We may be able to give you more time.`,
    },
    ...followAndContact(ctx, t),
  ]
  return frame(
    ctx,
    'information_request',
    t.nl ? `Wij hebben meer informatie van u nodig` : `We need more information from you`,
    blocks,
  )
}

function outcomeSentence(outcome: Outcome, t: Texts): string {
  switch (outcome) {
    case 'granted':
      return t.nl
        ? `Het besluit is: ja. U krijgt wat u heeft gevraagd.`
        : 'The decision is: yes. You get what you asked for.'
    case 'partly_granted':
      return t.nl
        ? 'Het besluit is: voor een deel ja. U krijgt een deel van wat u heeft gevraagd.'
        : 'The decision is: partly yes. You get part of what you asked for.'
    case 'refused':
      return t.nl
        ? 'Het besluit is: nee. U krijgt niet wat u heeft gevraagd.'
        : 'The decision is: no. You do not get what you asked for.'
    case 'withdrawn':
      return t.nl
        ? `U heeft uw ${t.noun} ingetrokken. Daarom stoppen wij met de behandeling.`
        : `You have withdrawn your ${t.noun}. So we have stopped dealing with it.`
  }
}

function decisionNotice(ctx: LetterContext, outcome: Outcome, summary: string | undefined): ComposedLetter {
  const t = textsFor(ctx)
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij hebben een besluit genomen over uw ${t.noun} van ${t.date(ctx.state.receivedOn)}.`
        : `We have made a decision on your ${t.noun} of ${t.date(ctx.state.receivedOn)}.`,
    },
    { kind: 'paragraph', text: outcomeSentence(outcome, t) },
  ]
  if (summary?.trim()) blocks.push({ kind: 'paragraph', text: asSentence(summary) })
  blocks.push(
    { kind: 'heading', text: t.nl ? 'Waar leest u het besluit?' : 'Where can you read the decision?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Het hele besluit staat in Mijn Stad bij uw ${t.noun}. Daar leest u ook waarom wij zo besloten. U logt in met DigiD. Ga naar ${ctx.case.caseUrl}`
        : `The full decision is in Mijn Stad with your ${t.noun}. There you can also read why we decided this way. You log in with DigiD. Go to ${ctx.case.caseUrl}`,
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Wilt u het besluit op papier? Bel ons dan. Wij sturen het u toe.'
        : 'Would you like the decision on paper? Then call us. We will send it to you.',
    },
  )
  if (outcome === 'refused' || outcome === 'partly_granted')
    blocks.push(...objectionBlocks(ctx, t, { detailed: false }))
  blocks.push(...followAndContact(ctx, t, { follow: false }))
  return frame(
    ctx,
    'decision_notice',
    t.nl ? `Wij hebben een besluit genomen over uw ${t.noun}` : `We have made a decision on your ${t.noun}`,
    blocks,
  )
}

/** Wet BRP art. 2.58: the decision on a correction request, itself the written decision. */
function correctionDecision(ctx: LetterContext, outcome: Outcome, summary: string | undefined): ComposedLetter {
  const t = textsFor(ctx)
  const dataUrl = ctx.case.personalDataUrl
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `U vroeg ons op ${t.date(ctx.state.receivedOn)} om uw gegevens te verbeteren. Het gaat om uw gegevens in de Basisregistratie Personen (BRP). Wij hebben uw verzoek onderzocht.`
        : `On ${t.date(ctx.state.receivedOn)} you asked us to correct your details. These are your details in the Personal Records Database (BRP). We have looked into your request.`,
    },
  ]
  const why = summary?.trim() ? asSentence(summary) : null
  switch (outcome) {
    case 'granted':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: ja. Wij hebben uw gegevens verbeterd. Andere overheden krijgen de nieuwe gegevens vanzelf. U hoeft zelf niets te doen.'
          : 'The decision is: yes. We have corrected your details. Other government bodies get the new details automatically. You do not need to do anything.',
      })
      if (why) blocks.push({ kind: 'paragraph', text: why })
      break
    case 'partly_granted':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: voor een deel ja. Wij hebben een deel van uw gegevens verbeterd. Het andere deel verbeteren wij niet.'
          : 'The decision is: partly yes. We have corrected some of your details. We will not correct the rest.',
      })
      if (why) blocks.push({ kind: 'heading', text: t.nl ? 'Waarom?' : 'Why?' }, { kind: 'paragraph', text: why })
      break
    case 'refused':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: nee. Wij verbeteren uw gegevens niet.'
          : 'The decision is: no. We will not correct your details.',
      })
      if (why)
        blocks.push({ kind: 'heading', text: t.nl ? 'Waarom niet?' : 'Why not?' }, { kind: 'paragraph', text: why })
      break
    case 'withdrawn':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'U heeft uw verzoek ingetrokken. Wij veranderen daarom niets aan uw gegevens.'
          : 'You have withdrawn your request. So we will not change your details.',
      })
      break
  }
  if (dataUrl && outcome !== 'withdrawn') {
    blocks.push({
      kind: 'paragraph',
      text: t.nl
        ? `U ziet uw gegevens in Mijn Stad. Ga naar ${dataUrl}`
        : `You can see your details in Mijn Stad. Go to ${dataUrl}`,
    })
  }
  if (outcome === 'refused' || outcome === 'partly_granted') blocks.push(...objectionBlocks(ctx, t, { detailed: true }))
  blocks.push(...followAndContact(ctx, t, { follow: false }))
  return frame(
    ctx,
    'correction_decision',
    t.nl
      ? 'Ons besluit over uw verzoek om uw gegevens te verbeteren'
      : 'Our decision on your request to correct your details',
    blocks,
  )
}

// --- plain text ----------------------------------------------------------------------------------

/**
 * The whole letter as plain text, in reading order: what a test shows, what a screen reader
 * reads, and the order both the HTML page and the PDF follow.
 */
export function letterAsText(letter: ComposedLetter): string {
  const lines: string[] = [
    letter.sender.name,
    ...letter.sender.lines,
    '',
    letter.recipient.name,
    ...letter.recipient.lines,
    '',
  ]
  for (const fact of letter.details) lines.push(`${fact.label}: ${fact.value}`)
  lines.push('', letter.title, '', letter.salutation, '')
  for (const block of letter.blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push(`## ${block.text}`)
        break
      case 'paragraph':
        lines.push(block.text, '')
        break
      case 'list':
        for (const item of block.items) lines.push(`- ${item}`)
        lines.push('')
        break
      case 'facts':
        for (const fact of block.items) lines.push(`${fact.label}: ${fact.value}`)
        lines.push('')
        break
    }
  }
  lines.push(letter.closing.greeting, ...letter.closing.signature)
  return lines.join('\n')
}
