/** The parts every letter shares: the frame, following the case, reasons, the right to object or appeal. */
import { type DecisionContent } from './case-terms'
import { formatLetterDate, type LetterLanguage } from './letters-format'
import { type LocalDate } from './local-date'
import { OBJECTION_CASE_TYPE, OBJECTION_WEEKS, appealTerm, hasCitizenOptions, objectionTerm } from './objection'
import type { ComposedLetter, LetterBlock, LetterContext, LetterTemplateCode, Localised } from './letters'
import { TEMPLATE_VERSIONS } from './letters'

export type Texts = ReturnType<typeof textsFor>

/** What the citizen asked for, in the words of the case type: an application, a request, a move. */
export function requestNoun(caseTypeCode: string, language: LetterLanguage): string {
  const nouns: Record<string, Localised> = {
    brp_correctie: { nl: 'verzoek', en: 'request' },
    verhuizing: { nl: 'verhuismelding', en: 'notice of your move' },
    [OBJECTION_CASE_TYPE]: { nl: 'bezwaar', en: 'objection' },
  }
  return (nouns[caseTypeCode] ?? { nl: 'aanvraag', en: 'application' })[language]
}

export function textsFor(ctx: LetterContext) {
  const language = ctx.recipient.language
  const date = (d: LocalDate) => formatLetterDate(d, language)
  const noun = requestNoun(ctx.case.caseTypeCode, language)
  return { language, date, noun, nl: language === 'nl' }
}

/** A sentence from free text typed by an employee: trimmed, and ending in a full stop. */
export function asSentence(text: string): string {
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
export function followAndContact(ctx: LetterContext, t: Texts, { follow = true } = {}): LetterBlock[] {
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
export function paragraphsOf(text: string): LetterBlock[] {
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
export function reasonsAndOptions(t: Texts, decision: DecisionContent, reasonsHeading: Localised): LetterBlock[] {
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
export function objectionClause(ctx: LetterContext, t: Texts): LetterBlock[] {
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
export function appealClause(ctx: LetterContext, t: Texts): LetterBlock[] {
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
