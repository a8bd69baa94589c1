/**
 * The letters of a question (the citizen chose "Per brief", or asked by post): the
 * acknowledgement (the quality charter: within 5 working days, with the latest day of the
 * answer) and the answer. Same frame as a case's letters (letters-parts.ts): the letterhead, our
 * reference — the question's number —, the reason for the letter, what happens next, and who to
 * call. Plain language (B1). Pure.
 */
import { formatLetterDate, type LetterLanguage } from './letters-format'
import type { ComposedLetter, LetterBlock, LetterTemplateCode, MunicipalityDetails } from './letters'
import { TEMPLATE_VERSIONS } from './letters'
import type { LocalDate } from './local-date'
import { acknowledgementText } from './question-texts'

export interface QuestionLetterContext {
  reference: string
  /** The topic's label in the recipient's language. */
  topicLabel: string
  receivedOn: LocalDate
  answerBy: LocalDate
  /** The question as the citizen asked it. */
  question: string
  recipient: { name: string; addressLines: string[]; language: LetterLanguage }
  letterDate: LocalDate
  municipality: MunicipalityDetails
  /** Where the citizen reads the thread and reacts. */
  threadUrl: string
  /** Who signs: the department holding the question, or null for the contact centre. */
  department: string | null
}

function questionFrame(
  ctx: QuestionLetterContext,
  templateCode: LetterTemplateCode,
  title: string,
  blocks: LetterBlock[],
): ComposedLetter {
  const language = ctx.recipient.language
  const nl = language === 'nl'
  const m = ctx.municipality
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
      { label: nl ? 'Datum' : 'Date', value: formatLetterDate(ctx.letterDate, language) },
      { label: nl ? 'Ons kenmerk' : 'Our reference', value: ctx.reference },
      { label: nl ? 'Onderwerp' : 'Subject', value: ctx.topicLabel },
    ],
    salutation: nl ? `Beste ${ctx.recipient.name},` : `Dear ${ctx.recipient.name},`,
    blocks,
    closing: {
      greeting: nl ? 'Met vriendelijke groet,' : 'Kind regards,',
      signature: [
        ctx.department
          ? nl
            ? `Afdeling ${ctx.department}`
            : `${ctx.department} department`
          : nl
            ? 'Klantcontactcentrum'
            : 'Customer contact centre',
        m.name[language],
      ],
    },
  }
}

function contactBlocks(ctx: QuestionLetterContext, nl: boolean): LetterBlock[] {
  return [
    { kind: 'heading', text: nl ? 'Contact' : 'Contact' },
    {
      kind: 'paragraph',
      text: nl
        ? `Heeft u een vraag over deze brief? Bel ${ctx.municipality.phone}. Noem dan het nummer ${ctx.reference}.`
        : `Do you have a question about this letter? Call ${ctx.municipality.phone}. Please give the number ${ctx.reference}.`,
    },
    {
      kind: 'paragraph',
      text: nl
        ? `U kunt uw vraag ook online bekijken: ${ctx.threadUrl}`
        : `You can also see your question online: ${ctx.threadUrl}`,
    },
  ]
}

/** Paragraphs of typed text: split at blank lines. */
function paragraphsOf(text: string): LetterBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ kind: 'paragraph', text: p }))
}

export function questionAcknowledgementLetter(ctx: QuestionLetterContext): ComposedLetter {
  const language = ctx.recipient.language
  const nl = language === 'nl'
  const date = (d: LocalDate) => formatLetterDate(d, language)
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: nl ? 'Bedankt voor uw vraag.' : 'Thank you for your question.' },
    { kind: 'paragraph', text: acknowledgementText({ ...ctx, answerChannel: 'letter' }, language) },
    {
      kind: 'facts',
      items: [
        { label: nl ? 'Ontvangen op' : 'Received on', value: date(ctx.receivedOn) },
        { label: nl ? 'Antwoord uiterlijk' : 'Answer by', value: date(ctx.answerBy) },
      ],
    },
    { kind: 'heading', text: nl ? 'Wat gebeurt er nu?' : 'What happens next?' },
    {
      kind: 'paragraph',
      text: nl
        ? 'Een medewerker leest uw vraag. Weet een andere afdeling het antwoord? Dan sturen wij uw vraag door. De datum van ons antwoord blijft hetzelfde.'
        : 'An employee reads your question. Does another department know the answer? Then we pass your question on. The date of our answer stays the same.',
    },
    { kind: 'heading', text: nl ? 'Uw vraag' : 'Your question' },
    ...paragraphsOf(ctx.question),
    ...contactBlocks(ctx, nl),
  ]
  return questionFrame(
    ctx,
    'question.acknowledgement',
    nl ? 'Wij hebben uw vraag ontvangen' : 'We have received your question',
    blocks,
  )
}

export function questionAnswerLetter(ctx: QuestionLetterContext & { answer: string }): ComposedLetter {
  const language = ctx.recipient.language
  const nl = language === 'nl'
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: nl
        ? `U stelde ons op ${formatLetterDate(ctx.receivedOn, language)} een vraag. In deze brief leest u ons antwoord.`
        : `You asked us a question on ${formatLetterDate(ctx.receivedOn, language)}. This letter gives you our answer.`,
    },
    { kind: 'heading', text: nl ? 'Ons antwoord' : 'Our answer' },
    ...paragraphsOf(ctx.answer),
    { kind: 'heading', text: nl ? 'Is uw vraag niet beantwoord?' : 'Is your question not answered?' },
    {
      kind: 'paragraph',
      text: nl
        ? 'Laat het ons weten. Reageer in Mijn Stad of bel ons. Dan kijken wij opnieuw naar uw vraag.'
        : 'Please let us know. Reply in Mijn Stad or call us. Then we look at your question again.',
    },
    ...contactBlocks(ctx, nl),
  ]
  return questionFrame(ctx, 'question.answer', nl ? 'Antwoord op uw vraag' : 'Answer to your question', blocks)
}
