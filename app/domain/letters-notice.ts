/**
 * The e-mail that tells a citizen a letter is waiting (the quality charter, /kwaliteitshandvest, "E-mail"). Neutral on
 * purpose: no name, no reference, no subject, nothing about the case. An e-mail travels in the
 * clear and lands in shared inboxes; the letter itself is read after logging in with DigiD.
 */
import type { LetterLanguage } from './letters-format'

export interface LetterNoticeMail {
  subject: string
  text: string
  html: string
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

export function letterNoticeMail(
  language: LetterLanguage,
  lettersUrl: string,
  municipalityName: string,
): LetterNoticeMail {
  const t =
    language === 'nl'
      ? {
          subject: 'Er staat een nieuwe brief voor u klaar in Mijn Stad',
          lines: ['Er staat een nieuwe brief voor u klaar in Mijn Stad.', 'Log in met DigiD om de brief te lezen.'],
          link: 'Naar Mijn brieven',
          footer: `Dit is een automatisch bericht van ${municipalityName}. U kunt er niet op antwoorden. Wilt u geen e-mail meer over nieuwe brieven? Kies dan in Mijn Stad bij Voorkeuren voor brieven op papier.`,
        }
      : {
          subject: 'A new letter is waiting for you in Mijn Stad',
          lines: ['A new letter is waiting for you in Mijn Stad.', 'Log in with DigiD to read the letter.'],
          link: 'Go to My letters',
          footer: `This is an automatic message from ${municipalityName}. You cannot reply to it. Do you no longer want e-mails about new letters? Then choose letters on paper under Preferences in Mijn Stad.`,
        }
  const text = [...t.lines, '', `${t.link}: ${lettersUrl}`, '', t.footer, ''].join('\n')
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;">',
    ...t.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(lettersUrl)}">${escapeHtml(t.link)}</a></p>`,
    `<p style="color: #4b4b4b; font-size: 14px;">${escapeHtml(t.footer)}</p>`,
    '</body></html>',
  ].join('\n')
  return { subject: t.subject, text, html }
}
