/**
 * The e-mail that tells a citizen the caseworker wrote them a message on a case. Neutral on
 * purpose, like the letter notice (letters-notice.ts): no name, no reference, no case, and never
 * the message itself. An e-mail travels in the clear and lands in shared inboxes; the message
 * is read after logging in with DigiD.
 */
import type { LetterLanguage } from './letters-format'

export interface MessageNoticeMail {
  subject: string
  text: string
  html: string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

export function messageNoticeMail(
  language: LetterLanguage,
  portalUrl: string,
  municipalityName: string,
): MessageNoticeMail {
  const t =
    language === 'nl'
      ? {
          subject: 'Er staat een nieuw bericht voor u klaar in Mijn Stad',
          lines: ['Er staat een nieuw bericht voor u klaar in Mijn Stad.', 'Log in met DigiD om het bericht te lezen.'],
          link: 'Naar Mijn Stad',
          footer: `Dit is een automatisch bericht van ${municipalityName}. U kunt er niet op antwoorden. Antwoorden kan in Mijn Stad.`,
        }
      : {
          subject: 'A new message is waiting for you in Mijn Stad',
          lines: ['A new message is waiting for you in Mijn Stad.', 'Log in with DigiD to read the message.'],
          link: 'Go to Mijn Stad',
          footer: `This is an automatic message from ${municipalityName}. You cannot reply to it. You can reply in Mijn Stad.`,
        }
  const text = [...t.lines, '', `${t.link}: ${portalUrl}`, '', t.footer, ''].join('\n')
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;">',
    ...t.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(portalUrl)}">${escapeHtml(t.link)}</a></p>`,
    `<p style="color: #4b4b4b; font-size: 14px;">${escapeHtml(t.footer)}</p>`,
    '</body></html>',
  ].join('\n')
  return { subject: t.subject, text, html }
}
