/**
 * The letters the municipality writes itself, composed from a case event and the case as it
 * stands right after it. Pure: the service hands in everything (the event, the derived state,
 * the case, the recipient, the date); the result is the full text as structured blocks, stored
 * as an immutable snapshot and rendered the same way as HTML and as PDF.
 *
 * What the letters must say, and why:
 * - Acknowledgement (ontvangstbevestiging), seed §2.2 "Brieven"/"E-mail": within five working
 *   days; the reference, the date received, the latest decision date, the steps, how to follow
 *   the case online and which employee to call directly. When the case was registered late the
 *   letter says so and apologises (the quality charter counts it as late).
 * - Extension (verdaging), Awb 4:14: told within the term, with the reason and the new date.
 * - Request for information (opschorting), Awb 4:15(1)(a) with 4:5: what is needed, by when,
 *   that the term stands still meanwhile, and what happens when nothing comes.
 * - Decision (besluit): the letter is the decision itself, so it holds all of it: the outcome,
 *   the reasons (Awb 3:46), for a refusal or partial grant what the citizen can do now, and for
 *   every decision on an application the right to object (Awb 3:45, 6:7, 6:8): within six
 *   weeks, from the day after the letter up to a named date, to whom, how (online or by letter
 *   with what Awb 6:5 asks), and that objecting does not stop the decision (Awb 6:16). A
 *   withdrawal is no decision on the application: no reasons, no objection.
 * - Correction of BRP data (Wet BRP art. 2.58): the college decides in writing; the same parts.
 * - Objection (bezwaar): the acknowledgement names the objection, the decision it is against,
 *   the latest decision date (Awb 7:10) and what comes next, a hearing (Awb 7:2); a late one
 *   says the lateness will be weighed (Awb 6:11). The decision on an objection is open to
 *   appeal at the district court, not to a second objection (Awb 7:1, 8:1, 6:7).
 *
 * Plain language, B1 (seed §2.2: "De brieven die we versturen zijn voor de lezer begrijpelijk"):
 * short sentences, active voice, "u", no legal jargon. `letters-readability.ts` measures it and
 * tests/unit/letters-readability.test.ts fails when a template drifts above the bar.
 *
 * A template's text is versioned: change the words, raise its `version`. Issued letters keep
 * the text they were written with (the snapshot), so an old letter never changes.
 */
import {
  isDecisionOnApplication,
  type CaseEvent,
  type CaseState,
  type DecisionContent,
  type Outcome,
} from './case-terms'
import { formatLetterDate, type LetterLanguage } from './letters-format'
import { compareLocalDate, type LocalDate } from './local-date'
import { OBJECTION_CASE_TYPE, OBJECTION_WEEKS, appealTerm, hasCitizenOptions, objectionTerm } from './objection'
import type { HolidayCalendar } from './working-days'

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
  | 'objection_acknowledgement'
  | 'objection_decision'

/** The version of each template's words; raise it with every change of text. */
export const TEMPLATE_VERSIONS: Record<LetterTemplateCode, number> = {
  acknowledgement: 1,
  extension: 1,
  information_request: 1,
  // 2: the decision in full (reasons, what you can do) and the right to object on every decision
  decision_notice: 2,
  correction_decision: 2,
  move_co_mover_reported: 1,
  move_co_mover_decided: 1,
  move_address_investigation: 1,
  objection_acknowledgement: 1,
  objection_decision: 1,
}

/** The letters that acknowledge receipt: the quality charter measures the first of them. */
export const ACKNOWLEDGEMENT_TEMPLATES = [
  'acknowledgement',
  'objection_acknowledgement',
] as const satisfies readonly LetterTemplateCode[]

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
  /** Who decides and receives objections: "het college van burgemeester en wethouders van Groningen". */
  board: Localised
  /** The district court that hears appeals against decisions on objections (Awb 8:1). */
  court: { name: Localised; website: string }
}

/** What a letter about an objection names of the decision it is against. */
export interface ObjectedDecision {
  reference: string
  caseTypeName: Localised
  subject: string
  /** The date of the decision's letter: the day it was sent. */
  sentOn: LocalDate
  /** The end of the term to object (Awb 6:7, 6:8). */
  termEndsOn: LocalDate
  /** Received after that end; the citizen's reason for it (Awb 6:11). */
  late: boolean
  lateReason: string | null
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
  /** For an objection's case (`bezwaar`): the decision it is against. */
  objection?: ObjectedDecision
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

export { OBJECTION_WEEKS }

/**
 * Awb 6:7 and 6:8: six weeks, from the day after the decision was made known (the letter
 * date); a term ending on a weekend day or holiday runs on to the next working day (Atw art. 1).
 */
export function objectionDeadline(letterDate: LocalDate, calendar: HolidayCalendar): LocalDate {
  return objectionTerm(letterDate, calendar).endsOn
}

/** Whether the acknowledgement is later than the quality charter's five working days. */
export function acknowledgementIsLate(state: CaseState, letterDate: LocalDate): boolean {
  return compareLocalDate(letterDate, state.acknowledgementDueOn) > 0
}

/** The letters an event calls for: none for most, one for the events that inform the citizen. */
export function lettersForEvent(ctx: LetterContext): ComposedLetter[] {
  const { event } = ctx
  // An objection registered by hand (a letter in the post) may not name its decision yet.
  const isObjection = ctx.case.caseTypeCode === OBJECTION_CASE_TYPE
  const objection = isObjection ? ctx.case.objection : undefined
  switch (event.type) {
    case 'received':
      return [objection ? objectionAcknowledgement(ctx, objection) : acknowledgement(ctx)]
    case 'extended':
      return [extension(ctx, event.payload.reason)]
    case 'suspended':
      return [informationRequest(ctx, event.payload.information, event.payload.respondBy)]
    case 'decided':
      return [
        isObjection
          ? objectionDecision(ctx, objection, event.payload)
          : ctx.case.caseTypeCode === 'brp_correctie'
            ? correctionDecision(ctx, event.payload)
            : decisionNotice(ctx, event.payload),
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
    [OBJECTION_CASE_TYPE]: { nl: 'bezwaar', en: 'objection' },
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

/** Free text typed by an employee as paragraphs: a blank line starts a new one. */
function paragraphsOf(text: string): LetterBlock[] {
  return text
    .split(/\n\s*\n/)
    .map(asSentence)
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'paragraph', text: p }))
}

/**
 * The reasons (Awb 3:46) and, for a refusal or partial grant, what the citizen can do now; in
 * full in the letter itself, which is the decision.
 */
function reasonsAndOptions(t: Texts, decision: DecisionContent, reasonsHeading: Localised): LetterBlock[] {
  const blocks: LetterBlock[] = []
  if (decision.reasons?.trim()) {
    blocks.push({ kind: 'heading', text: reasonsHeading[t.language] }, ...paragraphsOf(decision.reasons))
  }
  if (hasCitizenOptions(decision.outcome) && decision.citizenOptions?.trim()) {
    blocks.push(
      { kind: 'heading', text: t.nl ? 'Wat kunt u nu doen?' : 'What can you do now?' },
      ...paragraphsOf(decision.citizenOptions),
    )
  }
  return blocks
}

/**
 * The right to object, under every decision on an application (Awb 3:45): six weeks, from the
 * day after this letter up to a named last day (Awb 6:7, 6:8, Atw art. 1); to whom and how:
 * online on the case page, or by letter with what Awb 6:5 asks (name and address, date, which
 * decision, why, signature); and that objecting does not stop the decision (Awb 6:16).
 */
function objectionClause(ctx: LetterContext, t: Texts): LetterBlock[] {
  const term = objectionTerm(ctx.letterDate, ctx.calendar)
  const m = ctx.municipality
  const c = ctx.case
  return [
    { kind: 'heading', text: t.nl ? 'Bent u het niet eens met dit besluit?' : 'Do you disagree with this decision?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Dan kunt u bezwaar maken. Daarvoor heeft u ${OBJECTION_WEEKS} weken. Die tijd begint op ${t.date(term.startsOn)}. Uw bezwaar moet uiterlijk op ${t.date(term.endsOn)} bij ons zijn.`
        : `Then you can object. You have ${OBJECTION_WEEKS} weeks to do so. That time starts on ${t.date(term.startsOn)}. Your objection must reach us by ${t.date(term.endsOn)} at the latest.`,
    },
    { kind: 'heading', text: t.nl ? 'Hoe maakt u bezwaar?' : 'How do you object?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Dat kan online in Mijn Stad. U logt in met DigiD. Kies dan Bezwaar maken. Ga naar ${c.caseUrl}`
        : `You can do this online in Mijn Stad. You log in with DigiD. Then choose Object. Go to ${c.caseUrl}`,
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? `U kunt ook een brief sturen naar ${m.board.nl}, ${m.postalAddress.join(', ')}. Schrijf in uw brief:`
        : `You can also send a letter to ${m.board.en}, ${m.postalAddress.join(', ')}. Write in your letter:`,
    },
    {
      kind: 'list',
      items: t.nl
        ? [
            'uw naam en adres',
            'de datum',
            `over welk besluit het gaat: ons kenmerk ${c.reference}`,
            'waarom u het niet eens bent met het besluit',
            'uw handtekening',
          ]
        : [
            'your name and address',
            'the date',
            `which decision it is about: our reference ${c.reference}`,
            'why you disagree with the decision',
            'your signature',
          ],
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Het besluit blijft gelden, ook als u bezwaar maakt.'
        : 'The decision still applies, even if you object.',
    },
  ]
}

/** The right to object, in the recipient's language: for the move letters (letters-move.ts). */
export function objectionClauseFor(ctx: LetterContext): LetterBlock[] {
  return objectionClause(ctx, textsFor(ctx))
}

/**
 * Against the decision on an objection there is no second objection but an appeal to the
 * district court, within six weeks from the day after this letter (Awb 7:1, 8:1, 6:7, 6:8).
 */
function appealClause(ctx: LetterContext, t: Texts): LetterBlock[] {
  const term = appealTerm(ctx.letterDate, ctx.calendar)
  const court = ctx.municipality.court
  return [
    {
      kind: 'heading',
      text: t.nl ? 'Bent u het niet eens met deze beslissing?' : 'Do you disagree with this decision?',
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Dan kunt u in beroep gaan bij de rechter. Opnieuw bezwaar maken kan niet. Voor het beroep heeft u ${OBJECTION_WEEKS} weken. Die tijd begint op ${t.date(term.startsOn)}. Uw beroep moet uiterlijk op ${t.date(term.endsOn)} bij de rechter zijn.`
        : `Then you can appeal to the court. You cannot object again. You have ${OBJECTION_WEEKS} weeks to appeal. That time starts on ${t.date(term.startsOn)}. Your appeal must reach the court by ${t.date(term.endsOn)} at the latest.`,
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? `U gaat in beroep bij de ${court.name.nl}. Op ${court.website} leest u hoe dat gaat. Dat kan ook online. Voor een beroep betaalt u griffierecht. Dat is een bedrag voor de rechtbank.`
        : `You appeal to the ${court.name.en}. On ${court.website} you can read how to do this. You can also do it online. For an appeal you pay a court fee.`,
    },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'De beslissing blijft gelden, ook als u in beroep gaat.'
        : 'This decision still applies, even if you appeal.',
    },
  ]
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

const WHY_WE_DECIDED: Localised = { nl: 'Waarom hebben wij zo besloten?', en: 'Why did we decide this?' }

/** The decision on an application: the letter is the decision, so everything is in it. */
function decisionNotice(ctx: LetterContext, decision: DecisionContent): ComposedLetter {
  const t = textsFor(ctx)
  const received = t.date(ctx.state.receivedOn)
  if (!isDecisionOnApplication(decision.outcome)) {
    // A withdrawal (Awb 1:3(3)): the application ends without a decision; no reasons (Awb 3:46)
    // and nothing to object to (Awb 6:7), so no objection clause.
    const blocks: LetterBlock[] = [
      {
        kind: 'paragraph',
        text: t.nl
          ? `U heeft uw ${t.noun} van ${received} ingetrokken. Daarom stoppen wij met de behandeling.`
          : `You have withdrawn your ${t.noun} of ${received}. So we have stopped dealing with it.`,
      },
      ...paragraphsOf(decision.reasons ?? ''),
      ...followAndContact(ctx, t, { follow: false }),
    ]
    return frame(
      ctx,
      'decision_notice',
      t.nl ? `U heeft uw ${t.noun} ingetrokken` : `You have withdrawn your ${t.noun}`,
      blocks,
    )
  }
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij hebben een besluit genomen over uw ${t.noun} van ${received}.`
        : `We have made a decision on your ${t.noun} of ${received}.`,
    },
    { kind: 'paragraph', text: outcomeSentence(decision.outcome, t) },
    ...paragraphsOf(decision.summary ?? ''),
    ...reasonsAndOptions(t, decision, WHY_WE_DECIDED),
    ...objectionClause(ctx, t),
    ...followAndContact(ctx, t, { follow: false }),
  ]
  return frame(
    ctx,
    'decision_notice',
    t.nl ? `Wij hebben een besluit genomen over uw ${t.noun}` : `We have made a decision on your ${t.noun}`,
    blocks,
  )
}

/** Wet BRP art. 2.58: the decision on a correction request, itself the written decision. */
function correctionDecision(ctx: LetterContext, decision: DecisionContent): ComposedLetter {
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
  switch (decision.outcome) {
    case 'granted':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: ja. Wij hebben uw gegevens verbeterd. Andere overheden krijgen de nieuwe gegevens vanzelf. U hoeft zelf niets te doen.'
          : 'The decision is: yes. We have corrected your details. Other government bodies get the new details automatically. You do not need to do anything.',
      })
      break
    case 'partly_granted':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: voor een deel ja. Wij hebben een deel van uw gegevens verbeterd. Het andere deel verbeteren wij niet.'
          : 'The decision is: partly yes. We have corrected some of your details. We will not correct the rest.',
      })
      break
    case 'refused':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: nee. Wij verbeteren uw gegevens niet.'
          : 'The decision is: no. We will not correct your details.',
      })
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
  blocks.push(...paragraphsOf(decision.summary ?? ''))
  const decided = isDecisionOnApplication(decision.outcome)
  if (decided) blocks.push(...reasonsAndOptions(t, decision, WHY_WE_DECIDED))
  if (dataUrl && decided) {
    blocks.push({
      kind: 'paragraph',
      text: t.nl
        ? `U ziet uw gegevens in Mijn Stad. Ga naar ${dataUrl}`
        : `You can see your details in Mijn Stad. Go to ${dataUrl}`,
    })
  }
  // A withdrawal is no decision (Awb 1:3(3)): nothing to object to.
  if (decided) blocks.push(...objectionClause(ctx, t))
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

/** The decision an objection is against, as a fact line: "Parkeervergunning: Bewonersvergunning …". */
function objectedFacts(objection: ObjectedDecision, t: Texts): Fact[] {
  return [
    {
      label: t.nl ? 'Bezwaar tegen' : 'Objection to',
      value: `${objection.caseTypeName[t.language]}: ${objection.subject}`,
    },
    { label: t.nl ? 'Kenmerk van het besluit' : 'Reference of the decision', value: objection.reference },
    { label: t.nl ? 'Datum van het besluit' : 'Date of the decision', value: t.date(objection.sentOn) },
  ]
}

/**
 * The acknowledgement of an objection: which objection, against which decision, the latest
 * date of the decision on it (Awb 7:10), what happens next (a hearing, Awb 7:2), and that the
 * decision still applies meanwhile (Awb 6:16). A late objection is not refused here: whether
 * the lateness is excusable is weighed in the decision (Awb 6:11).
 */
function objectionAcknowledgement(ctx: LetterContext, objection: ObjectedDecision): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const c = ctx.case
  const facts: Fact[] = [
    { label: t.nl ? 'Ontvangen op' : 'Received on', value: t.date(state.receivedOn) },
    ...objectedFacts(objection, t),
    { label: t.nl ? 'Uiterlijke beslisdatum' : 'Latest decision date', value: t.date(state.decisionDueOn) },
  ]
  if (c.contact) {
    facts.push(
      { label: t.nl ? 'Uw contactpersoon' : 'Your contact person', value: c.contact.name },
      { label: t.nl ? 'Direct telefoonnummer' : 'Direct phone number', value: c.contact.phone },
    )
  }
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Bedankt voor uw bezwaar. Wij hebben uw bezwaar ontvangen op ${t.date(state.receivedOn)}. In deze brief leest u wat er nu gebeurt.`
        : `Thank you for your objection. We received it on ${t.date(state.receivedOn)}. This letter tells you what happens next.`,
    },
    { kind: 'facts', items: facts },
  ]
  if (objection.late) {
    blocks.push(
      { kind: 'heading', text: t.nl ? 'Uw bezwaar kwam te laat' : 'Your objection came late' },
      {
        kind: 'paragraph',
        text: t.nl
          ? `U kon bezwaar maken tot en met ${t.date(objection.termEndsOn)}. Uw bezwaar kwam later. U schreef ons waarom. Wij kijken of dat een goede reden is. Is dat zo? Dan behandelen wij uw bezwaar gewoon. Zo niet, dan leest u dat in onze beslissing.`
          : `You could object until ${t.date(objection.termEndsOn)}. Your objection came later. You told us why. We will look at whether that is a good reason. If it is, we deal with your objection as usual. If not, our decision will say so.`,
      },
    )
  }
  blocks.push(
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij?' : 'When will we decide?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij beslissen uiterlijk op ${t.date(state.decisionDueOn)}. Hebben wij meer tijd nodig? Dan krijgt u voor die datum een brief van ons.`
        : `We will decide on ${t.date(state.decisionDueOn)} at the latest. Do we need more time? Then we will write to you before that date.`,
    },
    { kind: 'heading', text: t.nl ? 'Wat gebeurt er nu?' : 'What happens now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Wij kijken opnieuw naar het besluit. Daarbij lezen wij goed wat u schrijft. Meestal nodigen wij u uit voor een gesprek. Daarin legt u uw bezwaar uit. Dat heet een hoorzitting. U hoort op tijd wanneer die is.'
        : 'We look at the decision again. We read carefully what you wrote. Usually we invite you to a meeting. There you explain your objection. This is called a hearing. We will tell you in good time when it is.',
    },
    {
      kind: 'list',
      items: c.steps.map((step) => `${step.name[t.language]}: ${asSentence(step.explanation[t.language])}`),
    },
    { kind: 'heading', text: t.nl ? 'Geldt het besluit nu nog?' : 'Does the decision still apply now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Ja. Het besluit blijft gelden, ook nu u bezwaar heeft gemaakt.'
        : 'Yes. The decision still applies, even now that you have objected.',
    },
    ...followAndContact(ctx, t),
  )
  return frame(
    ctx,
    'objection_acknowledgement',
    t.nl ? 'Wij hebben uw bezwaar ontvangen' : 'We have received your objection',
    blocks,
  )
}

function objectionOutcomeSentence(outcome: Outcome, t: Texts): string {
  switch (outcome) {
    case 'granted':
      return t.nl
        ? 'Onze beslissing: uw bezwaar is gegrond. U krijgt gelijk. Wij veranderen ons besluit.'
        : 'Our decision: your objection is upheld. You are right. We change our decision.'
    case 'partly_granted':
      return t.nl
        ? 'Onze beslissing: uw bezwaar is voor een deel gegrond. U krijgt voor een deel gelijk. Dat deel van ons besluit veranderen wij.'
        : 'Our decision: your objection is partly upheld. You are partly right. We change that part of our decision.'
    case 'refused':
      return t.nl
        ? 'Onze beslissing: uw bezwaar is ongegrond. U krijgt geen gelijk. Het besluit blijft zoals het was.'
        : 'Our decision: your objection is not upheld. You are not right. The decision stays as it was.'
    case 'withdrawn':
      return t.nl
        ? 'U heeft uw bezwaar ingetrokken. Daarom stoppen wij met de behandeling. Het besluit blijft zoals het was.'
        : 'You have withdrawn your objection. So we have stopped dealing with it. The decision stays as it was.'
  }
}

/** The decision on an objection (Awb 7:11, 7:12): open to appeal at the court, not to objection. */
function objectionDecision(
  ctx: LetterContext,
  objection: ObjectedDecision | undefined,
  decision: DecisionContent,
): ComposedLetter {
  const t = textsFor(ctx)
  const decided = isDecisionOnApplication(decision.outcome)
  const received = t.date(ctx.state.receivedOn)
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: objection
        ? t.nl
          ? `Op ${received} maakte u bezwaar tegen ons besluit met kenmerk ${objection.reference}. Wij hebben uw bezwaar bekeken.`
          : `On ${received} you objected to our decision with reference ${objection.reference}. We have looked at your objection.`
        : t.nl
          ? `Op ${received} maakte u bezwaar tegen een besluit van ons. Wij hebben uw bezwaar bekeken.`
          : `On ${received} you objected to a decision of ours. We have looked at your objection.`,
    },
    ...(objection ? [{ kind: 'facts' as const, items: objectedFacts(objection, t) }] : []),
    { kind: 'paragraph', text: objectionOutcomeSentence(decision.outcome, t) },
    ...paragraphsOf(decision.summary ?? ''),
    ...(decided
      ? reasonsAndOptions(t, decision, { nl: 'Waarom hebben wij zo beslist?', en: 'Why did we decide this?' })
      : paragraphsOf(decision.reasons ?? '')),
    // A withdrawn objection ends without a decision (Awb 6:21): nothing to appeal against.
    ...(decided ? appealClause(ctx, t) : []),
    ...followAndContact(ctx, t, { follow: false }),
  ]
  return frame(
    ctx,
    'objection_decision',
    decided
      ? t.nl
        ? 'Onze beslissing op uw bezwaar'
        : 'Our decision on your objection'
      : t.nl
        ? 'U heeft uw bezwaar ingetrokken'
        : 'You have withdrawn your objection',
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
