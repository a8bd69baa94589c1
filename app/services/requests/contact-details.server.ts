/**
 * Contact details and preferences (the page "Voorkeuren", README): e-mail, phone, letters on paper or
 * digital only, language. The citizen's own input, not BRP data, so changed at once — except a
 * new e-mail address, which is used only after its owner followed the link mailed to it: until
 * then the old address stays (a typo must not send letter notices to a stranger). Every change
 * is audited, in the transaction of the change.
 */
import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { recordAudit } from '~/services/audit.server'
import { citizenAudit, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import { addJob } from '~/services/outbound.server'

export const EMAIL_CONFIRMATION_TASK = 'email_confirmation_send'
/** The link works for 24 hours; then the citizen asks again. */
export const EMAIL_CONFIRMATION_HOURS = 24

export interface Preferences {
  email: string | null
  emailVerified: boolean
  pendingEmail: string | null
  phone: string | null
  letterChannel: 'digital' | 'paper'
  language: 'nl' | 'en'
}

export async function getPreferences(
  actor: CitizenActor,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<Preferences> {
  return db.transaction().execute(async (trx) => {
    const [row, pending] = await Promise.all([
      trx.selectFrom('contact_details').selectAll().where('bsn', '=', actor.bsn).executeTakeFirst(),
      trx
        .selectFrom('email_confirmations')
        .select(['email'])
        .where('bsn', '=', actor.bsn)
        .where('confirmed_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .executeTakeFirst(),
    ])
    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: 'personal_data.viewed',
      subjectBsn: actor.bsn,
      resource: 'mijn/voorkeuren',
      details: { items: ['contact_details'] },
    })
    return {
      email: row?.email ?? null,
      emailVerified: row?.email_verified_at != null,
      pendingEmail: pending?.email ?? null,
      phone: row?.phone ?? null,
      letterChannel: row?.letter_channel ?? 'digital',
      language: row?.language ?? 'nl',
    }
  })
}

export interface PreferencesInput {
  /** '' removes the e-mail address */
  email: string
  /** '' removes the phone number */
  phone: string
  letterChannel: 'digital' | 'paper'
  language: 'nl' | 'en'
}

export type PreferencesError = { field: 'letterChannel'; error: 'needs_email' }

export interface PreferencesSaved {
  ok: true
  changed: Array<'email' | 'phone' | 'letterChannel' | 'language'>
  /** a confirmation link was mailed to this new address */
  confirmationSentTo: string | null
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Saves the preferences. Phone, letter channel and language change at once. A new e-mail
 * address gets a confirmation link (a graphile-worker job in this transaction); any earlier
 * unconfirmed link stops working. Removing the e-mail address is at once; "digital only" then
 * needs an address, confirmed or on its way.
 */
export async function savePreferences(
  actor: CitizenActor,
  input: PreferencesInput,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<PreferencesSaved | { ok: false; errors: PreferencesError[] }> {
  refuseWhileImpersonating(actor)
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('contact_details')
      .selectAll()
      .where('bsn', '=', actor.bsn)
      .forUpdate()
      .executeTakeFirst()
    const email = input.email.trim()
    const phone = input.phone.trim()
    const emailChanged = email.toLowerCase() !== (current?.email ?? '').toLowerCase()
    const pendingAddress = emailChanged && email !== '' ? email : null
    // Digital only needs an address: the one kept, or the new one on its way.
    if (input.letterChannel === 'digital' && email === '') {
      return { ok: false as const, errors: [{ field: 'letterChannel' as const, error: 'needs_email' as const }] }
    }
    const changed: PreferencesSaved['changed'] = []
    if (emailChanged) changed.push('email')
    if (phone !== (current?.phone ?? '')) changed.push('phone')
    if (input.letterChannel !== (current?.letter_channel ?? 'digital')) changed.push('letterChannel')
    if (input.language !== (current?.language ?? 'nl')) changed.push('language')

    const immediate = {
      phone: phone === '' ? null : phone,
      letter_channel: input.letterChannel,
      language: input.language,
      ...(emailChanged && email === '' ? { email: null, email_verified_at: null } : {}),
      updated_at: now,
    }
    if (current) await trx.updateTable('contact_details').set(immediate).where('bsn', '=', actor.bsn).execute()
    else
      await trx
        .insertInto('contact_details')
        .values({ bsn: actor.bsn, email: null, email_verified_at: null, ...immediate })
        .execute()

    if (emailChanged) {
      await trx
        .updateTable('email_confirmations')
        .set({ cancelled_at: now })
        .where('bsn', '=', actor.bsn)
        .where('confirmed_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .execute()
    }
    if (pendingAddress) {
      const token = randomBytes(32).toString('base64url')
      const created = await trx
        .insertInto('email_confirmations')
        .values({
          token_hash: hashToken(token),
          bsn: actor.bsn,
          email: pendingAddress,
          created_at: now,
          expires_at: new Date(now.getTime() + EMAIL_CONFIRMATION_HOURS * 3_600_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      // The token travels in the job payload only (the job row is deleted once the mail is sent);
      // the table keeps its hash.
      await addJob(
        trx,
        EMAIL_CONFIRMATION_TASK,
        { confirmationId: created.id, token, language: input.language },
        { maxAttempts: 10, jobKey: `email-confirmation:${created.id}` },
      )
    }
    if (changed.length) {
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'contact_details.changed',
        subjectBsn: actor.bsn,
        resource: 'mijn/voorkeuren',
        details: { changed, emailConfirmationPending: pendingAddress !== null },
      })
    }
    return { ok: true as const, changed, confirmationSentTo: pendingAddress }
  })
}

export type ConfirmEmailResult =
  { ok: true; email: string } | { ok: false; error: 'invalid' | 'expired' | 'superseded' | 'already_confirmed' }

const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** What the confirmation page shows before the citizen presses the button (GET changes nothing). */
export async function peekEmailConfirmation(
  token: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<ConfirmEmailResult> {
  if (!TOKEN.test(token)) return { ok: false, error: 'invalid' }
  const row = await db
    .selectFrom('email_confirmations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst()
  return verdictOf(row, now)
}

function verdictOf(
  row: { email: string; confirmed_at: Date | null; cancelled_at: Date | null; expires_at: Date } | undefined,
  now: Date,
): ConfirmEmailResult {
  if (!row) return { ok: false, error: 'invalid' }
  if (row.confirmed_at) return { ok: false, error: 'already_confirmed' }
  if (row.cancelled_at) return { ok: false, error: 'superseded' }
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, error: 'expired' }
  return { ok: true, email: row.email }
}

/**
 * The citizen followed the link and pressed "Bevestigen": the new address replaces the old one,
 * now verified. The token proves control of the mailbox; the change itself was asked for by the
 * logged-in citizen. Single use.
 */
export async function confirmEmail(
  token: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<ConfirmEmailResult> {
  if (!TOKEN.test(token)) return { ok: false, error: 'invalid' }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('email_confirmations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst()
    const verdict = verdictOf(row, now)
    if (!verdict.ok || !row) return verdict
    await trx.updateTable('email_confirmations').set({ confirmed_at: now }).where('id', '=', row.id).execute()
    await trx
      .updateTable('contact_details')
      .set({ email: row.email, email_verified_at: now, updated_at: now })
      .where('bsn', '=', row.bsn)
      .execute()
    await recordAudit(trx, {
      actorKind: 'citizen',
      actorId: 'citizen',
      action: 'contact_details.email_confirmed',
      subjectBsn: row.bsn,
      resource: 'mijn/gegevens/email-bevestigen',
    })
    return verdict
  })
}

export interface ConfirmationMail {
  to: string
  subject: string
  text: string
}

/** The mail with the link: short, no name, no BSN; the link carries only the random token. */
export function confirmationMail(language: 'nl' | 'en', to: string, link: string): ConfirmationMail {
  return language === 'en'
    ? {
        to,
        subject: 'Confirm your e-mail address for Mijn Stad',
        text: [
          'Hello,',
          '',
          'You entered this e-mail address in Mijn Stad, the personal page of the municipality of Groningen.',
          `Confirm it with this link. The link works for ${EMAIL_CONFIRMATION_HOURS} hours:`,
          link,
          '',
          'Did you not do this? Then you can ignore this e-mail. We will not use this address.',
          '',
          'Municipality of Groningen',
        ].join('\n'),
      }
    : {
        to,
        subject: 'Bevestig uw e-mailadres voor Mijn Stad',
        text: [
          'Beste meneer, mevrouw,',
          '',
          'U heeft dit e-mailadres ingevuld in Mijn Stad, de persoonlijke pagina van de gemeente Groningen.',
          `Bevestig het met deze link. De link werkt ${EMAIL_CONFIRMATION_HOURS} uur:`,
          link,
          '',
          'Heeft u dit niet gedaan? Dan hoeft u niets te doen. Wij gebruiken dit adres dan niet.',
          '',
          'Gemeente Groningen',
        ].join('\n'),
      }
}

/** Who to mail for a queued confirmation, at sending time; null when it no longer applies. */
export async function confirmationRecipient(
  confirmationId: string,
  { now = new Date(), db = getDb() }: { now?: Date; db?: DB } = {},
): Promise<string | null> {
  const row = await db.selectFrom('email_confirmations').selectAll().where('id', '=', confirmationId).executeTakeFirst()
  const verdict = verdictOf(row, now)
  return verdict.ok ? verdict.email : null
}

/**
 * The graphile-worker task that mails the confirmation link. Registered in jobs.server.ts.
 * A confirmation that was replaced, used or expired meanwhile is not mailed.
 */
export function emailConfirmationTask({
  mailer,
  baseUrl,
  db,
}: {
  mailer: { send(mail: ConfirmationMail): Promise<unknown> }
  baseUrl: string
  db?: DB
}) {
  return async (payload: unknown): Promise<void> => {
    const { confirmationId, token, language } = ConfirmationPayload.parse(payload)
    const to = await confirmationRecipient(confirmationId, { db })
    if (!to) return
    const link = `${baseUrl.replace(/\/$/, '')}/mijn/gegevens/email-bevestigen?${new URLSearchParams({ token })}`
    await mailer.send(confirmationMail(language, to, link))
  }
}

const ConfirmationPayload = z.object({
  confirmationId: z.string().uuid(),
  token: z.string().regex(TOKEN),
  language: z.enum(['nl', 'en']),
})
