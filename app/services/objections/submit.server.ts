/** Sending an objection: it becomes a case of its own with its documents and acknowledgement (Awb 6:4, 6:5). */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { addressLines, formatLetterDate, personName } from '~/domain/letters-format'
import { todayIn, type LocalDate } from '~/domain/local-date'
import { OBJECTION_CASE_TYPE, isLateObjection, objectionDecisionTermFrom } from '~/domain/objection'
import { recordAudit } from '~/services/audit.server'
import { receiveCase } from '~/services/cases/record.server'
import { addDocuments } from '~/services/cases/documents.server'
import { citizenAudit, Refused, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import { judge, loadDecision, submittedObjection } from '~/services/objections/decision.server'
import { type Objectable } from '~/services/objections/decision.server'
import { textErrors, type ObjectionRefusal, type ObjectionStart } from '~/services/objections/draft.server'

// --- sending ---------------------------------------------------------------------------------

export type SubmitObjectionResult =
  | Exclude<ObjectionStart, { status: 'open' | 'existing' }>
  | { status: 'no_draft' }
  | { status: 'invalid'; errors: ObjectionRefusal[] }
  | { status: 'submitted'; caseId: string; reference: string; duplicate: boolean }

/**
 * "Versturen": in one transaction, under a lock on the draft row, the objection becomes a case
 * `bezwaar` (received event, acknowledgement letter), its text and files become documents of
 * that case, the row is marked sent and linked, and the audit log records it. Sent twice (a
 * double click, two tabs), the second finds the row sent and answers with the same case.
 */
export async function submitObjection(
  actor: CitizenActor,
  caseId: string,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<SubmitObjectionResult> {
  refuseWhileImpersonating(actor)
  const today = todayIn(now)
  try {
    return await db.transaction().execute(async (trx): Promise<SubmitObjectionResult> => {
      const decision = await loadDecision(trx, actor.bsn, caseId)
      if (!decision) return { status: 'not_found' }
      const verdict = judge(decision)
      if (!verdict.ok) return { status: 'not_objectable', reason: verdict.reason }
      const d = verdict.decision
      const row = await trx
        .selectFrom('objections')
        .select(['id', 'status', 'grounds', 'late_reason', 'case_id'])
        .where('decision_event_id', '=', d.eventId)
        .where('bsn', '=', actor.bsn)
        .forUpdate()
        .executeTakeFirst()
      if (!row) return { status: 'no_draft' }
      if (row.status === 'submitted') {
        const existing = await submittedObjection(trx, actor.bsn, d.eventId)
        if (existing) return { status: 'submitted', ...existing, duplicate: true }
      }
      const late = isLateObjection(d.term, today)
      const errors = textErrors(row.grounds, row.late_reason ?? '', late)
      if (errors.length) return { status: 'invalid', errors }

      const [files, person] = await Promise.all([
        trx
          .selectFrom('objection_draft_files')
          .select(['name', 'media_type', 'bytes'])
          .where('objection_id', '=', row.id)
          .orderBy('seq')
          .execute(),
        trx
          .selectFrom('persons as p')
          .leftJoin('addresses as a', 'a.id', 'p.address_id')
          .leftJoin('contact_details as cd', 'cd.bsn', 'p.bsn')
          .select([
            'p.given_names',
            'p.name_prefix',
            'p.surname',
            'a.street',
            'a.house_number',
            'a.house_letter',
            'a.house_number_addition',
            'a.postcode',
            'a.city',
            'cd.language',
          ])
          .where('p.bsn', '=', actor.bsn)
          .executeTakeFirstOrThrow(),
      ])
      const language = person.language ?? 'nl'
      const letterOfObjection = objectionText({
        language,
        name: personName({ givenNames: person.given_names, namePrefix: person.name_prefix, surname: person.surname }),
        address:
          person.street && person.house_number !== null && person.postcode && person.city
            ? addressLines({
                street: person.street,
                houseNumber: person.house_number,
                houseLetter: person.house_letter,
                houseNumberAddition: person.house_number_addition,
                postcode: person.postcode,
                city: person.city,
              })
            : [],
        date: today,
        decision: d,
        grounds: row.grounds,
        lateReason: late ? row.late_reason : null,
        files: files.map((f) => f.name),
      })

      const received = await receiveCase(
        {
          caseTypeCode: OBJECTION_CASE_TYPE,
          bsn: actor.bsn,
          // The case type says it is an objection; the subject says to which decision.
          subject: `${d.caseTypeName[language]} (${d.reference})`,
          channel: 'internet',
          receivedOn: today,
          termFrom: objectionDecisionTermFrom(d.term, today),
          source: 'portal',
          sourceEventId: `objection:${row.id}`,
          actor: 'citizen',
          occurredAt: now,
          now,
          // The link and the documents, before the acknowledgement is written: it names them.
          beforeLetters: async (t, created) => {
            await t
              .updateTable('objections')
              .set({ status: 'submitted', case_id: created.caseId, late, submitted_at: now, updated_at: now })
              .where('id', '=', row.id)
              .execute()
            await addDocuments(
              t,
              created.caseId,
              [
                {
                  kind: 'objection',
                  title: language === 'en' ? `Objection ${created.reference}.txt` : `Bezwaar ${created.reference}.txt`,
                  mediaType: 'text/plain; charset=utf-8',
                  bytes: Buffer.from(letterOfObjection, 'utf8'),
                },
                ...files.map((f) => ({
                  kind: 'attachment' as const,
                  title: f.name,
                  mediaType: f.media_type,
                  bytes: f.bytes,
                })),
              ],
              { addedBy: 'citizen', addedAt: now },
            )
            await t.deleteFrom('objection_draft_files').where('objection_id', '=', row.id).execute()
          },
        },
        trx,
      )
      if (!received.ok) throw new Refused(received.code)
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'objection.submitted',
        subjectBsn: actor.bsn,
        resource: `case:${received.reference}`,
        details: { decision: d.reference, late, attachments: files.length },
      })
      return { status: 'submitted', caseId: received.caseId, reference: received.reference, duplicate: false }
    })
  } catch (error) {
    if (error instanceof Refused) return { status: 'not_found' }
    throw error
  }
}

/**
 * The objection as a letter would hold it (Awb 6:5(1)): name and address, date, the decision,
 * the grounds; sent through DigiD, which stands in for the signature (Awb 2:16). Kept as the
 * objection's own document, so what was sent is on file word for word.
 */
function objectionText(o: {
  language: 'nl' | 'en'
  name: string
  address: string[]
  date: LocalDate
  decision: Objectable
  grounds: string
  lateReason: string | null
  files: string[]
}): string {
  const nl = o.language === 'nl'
  const d = o.decision
  const lines = [
    nl ? `Bezwaar tegen besluit ${d.reference}` : `Objection to decision ${d.reference}`,
    '',
    `${nl ? 'Van' : 'From'}: ${o.name}`,
    ...o.address.map((line) => `      ${line}`),
    `${nl ? 'Datum' : 'Date'}: ${formatLetterDate(o.date, o.language)}`,
    `${nl ? 'Verstuurd via' : 'Sent through'}: Mijn Stad (DigiD)`,
    `${nl ? 'Besluit' : 'Decision'}: ${d.reference}, ${d.caseTypeName[o.language]}: ${d.subject}, ${formatLetterDate(d.sentOn, o.language)}`,
    '',
    nl ? 'Waarom ik het niet eens ben met het besluit:' : 'Why I disagree with the decision:',
    o.grounds.trim(),
  ]
  if (o.lateReason)
    lines.push('', nl ? 'Waarom mijn bezwaar te laat is:' : 'Why my objection is late:', o.lateReason.trim())
  if (o.files.length) lines.push('', `${nl ? 'Bijlagen' : 'Attachments'}: ${o.files.join(', ')}`)
  return `${lines.join('\n')}\n`
}
