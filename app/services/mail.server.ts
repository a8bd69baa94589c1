/**
 * Outgoing e-mail. With SMTP_URL set, nodemailer delivers through that server; without it every
 * message is written as an .eml file under DATA_DIR/mail, which `/dev/mail` lists while the
 * mock identity providers are on (demoMailboxIsOpen). A failed delivery throws, so the job
 * that sends it is retried (graphile-worker's exponential back-off); the message of that error
 * names no address, since it ends up in the job table and the logs.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { settings } from '~/context.server'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html?: string
}

export interface Mailer {
  /** 'smtp' delivers; 'files' writes .eml files for people to look at. */
  kind: 'smtp' | 'files'
  send(mail: OutgoingMail): Promise<{ messageId: string }>
  close(): void
}

/** A delivery that failed; retryable. The message carries codes only, never an address. */
export class MailDeliveryError extends Error {
  constructor(
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
  ) {
    super(`mail delivery failed${code ? ` (${code}${responseCode ? ` ${responseCode}` : ''})` : ''}`)
    this.name = 'MailDeliveryError'
  }
}

/**
 * The demo mailbox (`/dev/mail`) is open exactly when the mock identity providers are: in the
 * demo (`npm start`), development and tests, so a newcomer can click the link of an e-mail
 * confirmation; never with real providers, where it would show other people's mail.
 */
export function demoMailboxIsOpen(): boolean {
  return settings().mockProviders
}

/** DATA_DIR/mail (server/config.ts), where the file mailer writes and `/dev/mail` reads. */
export function mailDirectory(): string {
  return settings().mailDir
}

export function createMailer({
  smtpUrl,
  from,
  mailDir = mailDirectory(),
}: {
  smtpUrl?: string
  from: string
  mailDir?: string
}): Mailer {
  if (smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(smtpUrl)
    return {
      kind: 'smtp',
      async send(mail) {
        try {
          const info = await transport.sendMail({ from, ...mail })
          return { messageId: String(info.messageId) }
        } catch (error) {
          const e = error as { code?: string; responseCode?: number }
          throw new MailDeliveryError(e.code, e.responseCode)
        }
      },
      close: () => transport.close(),
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'files',
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail })
      await mkdir(mailDir, { recursive: true, mode: 0o700 })
      // Sortable by time; random suffix against collisions. The name says nothing about the content.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`
      await writeFile(path.join(mailDir, name), info.message as Buffer, { mode: 0o600 })
      return { messageId: String(info.messageId) }
    },
    close: () => transport.close(),
  }
}

// --- the development mailbox (/dev/mail) -----------------------------------------------------

export interface DevMailSummary {
  id: string
  to: string
  subject: string
  date: string
}

const MAIL_ID = /^[0-9T-]+Z-[0-9a-f]{8}$/

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes non-ASCII headers. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  )
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ')
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line ? decodeHeader(line.slice(name.length + 1).trim()) : ''
}

/** The written mails, newest first. */
export async function listDevMails(mailDir: string = mailDirectory()): Promise<DevMailSummary[]> {
  let names: string[]
  try {
    names = (await readdir(mailDir)).filter((n) => n.endsWith('.eml'))
  } catch {
    return []
  }
  const mails = await Promise.all(
    names
      .sort()
      .reverse()
      .slice(0, 200)
      .map(async (name) => {
        const raw = await readFile(path.join(mailDir, name), 'utf8')
        return {
          id: name.slice(0, -4),
          to: header(raw, 'To'),
          subject: header(raw, 'Subject'),
          date: header(raw, 'Date'),
        }
      }),
  )
  return mails
}

/** One written mail: its headers and its plain-text body, or null for an unknown id. */
export async function readDevMail(
  id: string,
  mailDir: string = mailDirectory(),
): Promise<(DevMailSummary & { text: string; raw: string }) | null> {
  if (!MAIL_ID.test(id)) return null
  const file = path.join(mailDir, `${id}.eml`)
  try {
    await stat(file)
  } catch {
    return null
  }
  const raw = await readFile(file, 'utf8')
  return {
    id,
    to: header(raw, 'To'),
    subject: header(raw, 'Subject'),
    date: header(raw, 'Date'),
    text: plainTextPart(raw),
    raw,
  }
}

/** The text/plain part of a message as nodemailer writes it (quoted-printable or 7bit). */
function plainTextPart(raw: string): string {
  const match =
    /Content-Type: text\/plain[^\n]*\n(?:Content-Transfer-Encoding: ([^\n]+)\n)?\n([\s\S]*?)(?:\n--[^\n]+|$)/i.exec(
      raw.replace(/\r\n/g, '\n'),
    )
  if (!match) return ''
  const [, encoding, body] = match
  if (encoding?.trim().toLowerCase() === 'quoted-printable') {
    const bytes = body
      .replace(/=\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    return Buffer.from(bytes, 'latin1').toString('utf8').trim()
  }
  if (encoding?.trim().toLowerCase() === 'base64') return Buffer.from(body, 'base64').toString('utf8').trim()
  return body.trim()
}
