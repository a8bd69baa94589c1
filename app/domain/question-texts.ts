/**
 * What a question's acknowledgement and its e-mails say (plain language, B1; Dutch and English).
 * The acknowledgement is stored as an entry of the thread in the question's language; the e-mail
 * by which it or an answer goes out, and the neutral notice of the portal channel, are composed
 * here too. Pure: no clock, no database.
 *
 * An e-mail travels in the clear and lands in shared inboxes: the portal's notice says nothing of
 * the question, and no e-mail ever carries a BSN (`withoutBsn`), even when an answer typed by an
 * employee quotes one.
 */
import { isValidBsn } from './bsn'
import { formatLetterDate, type LetterLanguage } from './letters-format'
import type { LocalDate } from './local-date'
import type { AnswerChannel, QuestionChannel } from './questions'

/**
 * How the acknowledgement goes out: by the answer channel, except a call back (a call is the
 * answer, not a receipt): then on screen and in the portal for a citizen who asked there, by
 * e-mail when we have an address, and by letter to a known citizen otherwise.
 */
export function acknowledgementChannel(q: {
  answerChannel: AnswerChannel
  channel: QuestionChannel
  bsn: string | null
  email: string | null
}): AnswerChannel {
  if (q.answerChannel !== 'phone') return q.answerChannel
  if (q.bsn && q.channel === 'internet') return 'portal'
  if (q.email) return 'email'
  return q.bsn ? 'letter' : 'portal'
}

const VIA: Record<LetterLanguage, Record<AnswerChannel, string>> = {
  nl: { portal: 'in Mijn Stad', email: 'per e-mail', letter: 'per brief', phone: 'per telefoon: wij bellen u terug' },
  en: { portal: 'in Mijn Stad', email: 'by e-mail', letter: 'by letter', phone: 'by phone: we will call you back' },
}

/** "per e-mail", "in Mijn Stad": how the answer comes, to finish a sentence. */
export function answerVia(channel: AnswerChannel, language: LetterLanguage): string {
  return VIA[language][channel]
}

/**
 * The acknowledgement: "Wij hebben uw vraag ontvangen op 1 december 2026. Uw vraag heeft nummer
 * V-2026-000123. U krijgt uiterlijk 12 januari 2027 antwoord per e-mail."
 */
export function acknowledgementText(
  a: { reference: string; receivedOn: LocalDate; answerBy: LocalDate; answerChannel: AnswerChannel },
  language: LetterLanguage,
): string {
  const date = (d: LocalDate) => formatLetterDate(d, language)
  const via = answerVia(a.answerChannel, language)
  return language === 'nl'
    ? `Wij hebben uw vraag ontvangen op ${date(a.receivedOn)}. Uw vraag heeft nummer ${a.reference}. U krijgt uiterlijk ${date(a.answerBy)} antwoord ${via}.`
    : `We received your question on ${date(a.receivedOn)}. Your question has number ${a.reference}. You will get an answer by ${date(a.answerBy)} at the latest, ${via}.`
}

const BSN_LIKE = /(?<![0-9])[0-9]{9}(?![0-9])/g

/** Any nine-digit number that passes the eleven test is blotted out: no BSN in an e-mail. */
export function withoutBsn(text: string): string {
  return text.replace(BSN_LIKE, (digits) => (isValidBsn(digits) ? '*********' : digits))
}

export interface QuestionMail {
  subject: string
  text: string
  html: string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

function mail(language: LetterLanguage, subject: string, paragraphs: string[], footer: string): QuestionMail {
  const clean = paragraphs.map(withoutBsn)
  const text = [...clean.flatMap((p) => [p, '']), footer, ''].join('\n')
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;">',
    ...clean.map((p) => `<p style="white-space: pre-line;">${escapeHtml(p)}</p>`),
    `<p style="color: #4b4b4b; font-size: 14px;">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n')
  return { subject: withoutBsn(subject), text, html }
}

/**
 * The e-mail that carries an acknowledgement or an answer itself (the answer channel e-mail).
 * `threadUrl`: where a logged-in citizen reads and reacts; null for a question without DigiD.
 */
export function questionContentMail(
  m: {
    kind: 'acknowledgement' | 'answer'
    reference: string
    body: string
    threadUrl: string | null
    contactFormUrl: string
    phone: string
    municipalityName: string
  },
  language: LetterLanguage,
): QuestionMail {
  const nl = language === 'nl'
  const subject =
    m.kind === 'acknowledgement'
      ? nl
        ? `Wij hebben uw vraag ontvangen (${m.reference})`
        : `We have received your question (${m.reference})`
      : nl
        ? `Antwoord op uw vraag ${m.reference}`
        : `Answer to your question ${m.reference}`
  const paragraphs =
    m.kind === 'acknowledgement'
      ? [m.body]
      : [
          nl
            ? `Hier is ons antwoord op uw vraag ${m.reference}.`
            : `Here is our answer to your question ${m.reference}.`,
          m.body,
        ]
  const onward = m.threadUrl
    ? nl
      ? `Wilt u reageren? Dat kan in Mijn Stad: ${m.threadUrl}`
      : `Would you like to reply? You can in Mijn Stad: ${m.threadUrl}`
    : nl
      ? `Heeft u nog een vraag? Bel ${m.phone} en noem het nummer ${m.reference}. Of stel een nieuwe vraag: ${m.contactFormUrl}`
      : `Do you have another question? Call ${m.phone} and give the number ${m.reference}. Or ask a new question: ${m.contactFormUrl}`
  const footer = nl
    ? `Dit is een automatisch bericht van ${m.municipalityName}. U kunt er niet op antwoorden.`
    : `This is an automatic message from ${m.municipalityName}. You cannot reply to it.`
  return mail(language, subject, [...paragraphs, onward], footer)
}

/** The portal channel's notice: that something waits in Mijn Stad, and nothing of what. */
export function questionNoticeMail(
  language: LetterLanguage,
  portalUrl: string,
  municipalityName: string,
): QuestionMail {
  return language === 'nl'
    ? mail(
        language,
        'Er staat een antwoord voor u klaar in Mijn Stad',
        [
          'Er staat een antwoord op uw vraag voor u klaar in Mijn Stad.',
          'Log in met DigiD om het te lezen.',
          `Naar Mijn Stad: ${portalUrl}`,
        ],
        `Dit is een automatisch bericht van ${municipalityName}. U kunt er niet op antwoorden.`,
      )
    : mail(
        language,
        'An answer is waiting for you in Mijn Stad',
        [
          'An answer to your question is waiting for you in Mijn Stad.',
          'Log in with DigiD to read it.',
          `Go to Mijn Stad: ${portalUrl}`,
        ],
        `This is an automatic message from ${municipalityName}. You cannot reply to it.`,
      )
}
