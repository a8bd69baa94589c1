/**
 * The citizen's own copy of everything the portal holds on them (AVG/GDPR art. 15 and 20), as
 * JSON and as a readable PDF: the layout is `~/domain/data-export`. Only rows with the
 * citizen's own BSN are read — the BSN comes from the session, never from the request — and the
 * household is given by name only: another person's BSN is theirs.
 *
 * Every download is audited ('personal_data.exported') in the transaction that reads the data,
 * and shows on "Wie heeft mijn gegevens bekeken" as the citizen's own download.
 *
 * The transaction stays READ COMMITTED on purpose: the audit chain's trigger (migration 0005)
 * links a new entry to the last committed one, which a REPEATABLE READ snapshot would not see.
 */
import { settings } from '~/context.server'
import { personNameOf } from '~/domain/person-name'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { DATA_EXPORT_SCHEMA, DATA_EXPORT_VERSION, letterText, type DataExport } from '~/domain/data-export'
import { composeExportDocument, type Translate } from '~/domain/data-export-document'
import { recordAudit } from '~/services/audit.server'
import { readCaseConversationParts } from '~/services/requests/data-export-cases.server'
import { EXPORTED, readExportRows } from '~/services/requests/data-export-read.server'
import { renderDocumentPdf } from '~/services/letters/pdf.server'
import { MUNICIPALITY, toStoredLetter } from '~/services/letters/stored.server'
import {
  addressView,
  citizenAudit,
  PersonNotFound,
  refuseWhileImpersonating,
  type CitizenActor,
} from '~/services/requests/kernel.server'

export type ExportFormat = 'json' | 'pdf'

const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString()

/**
 * What each kind of case event says, by name; the rest of a payload is the back office's.
 * A step also gets its name (`stepName`) in the export's language.
 */
const EVENT_DETAILS: Record<string, readonly string[]> = {
  received: ['receivedOn', 'channel'],
  step_reached: ['step'],
  suspended: ['information', 'respondBy'],
  resumed: ['note'],
  extended: ['reason'],
  decided: ['outcome', 'summary'],
  closed: ['note'],
  information_received: ['channel'],
}

/**
 * Everything the portal holds on the citizen, and the audit entry of this download, in one
 * transaction. Throws ReadOnlyImpersonation for a support employee looking along (the route
 * answers 403) and PersonNotFound for a BSN without a person.
 */
export async function exportPersonalData(
  actor: CitizenActor,
  {
    format,
    language,
    now = new Date(),
    db = getDb(),
  }: { format: ExportFormat; language: 'nl' | 'en'; now?: Date; db?: DB },
): Promise<DataExport> {
  // Looking along is to see what the citizen sees while helping them, read-only. A download is
  // a copy of all their data leaving the municipality's systems: beyond that purpose (AVG art.
  // 5(1)(b)), and the right to that copy (art. 15) is the citizen's own. So even this GET is refused.
  refuseWhileImpersonating(actor)
  const bsn = actor.bsn
  const showStaffNames = settings().impersonation.showStaffNames
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('persons').selectAll().where('bsn', '=', bsn).executeTakeFirst()
    if (!person) throw new PersonNotFound()
    const {
      current,
      history,
      household,
      contact,
      pending,
      changes,
      cases,
      events,
      letters,
      corrections,
      moves,
      moments,
      questionEntries,
      views,
      steps,
    } = await readExportRows(bsn, { trx, now, addressId: person.address_id })
    const conversationOf = await readCaseConversationParts(bsn, { trx })

    // Co-movers by name: their BSNs are theirs. Names of anyone no longer related come from persons.
    const coMoverBsns = [...new Set(moves.flatMap((m) => m.co_mover_bsns))]
    const coMoverNames = new Map(household.map((h) => [h.bsn, h.name]))
    const unknown = coMoverBsns.filter((b) => !coMoverNames.has(b))
    if (unknown.length) {
      const rows = await trx
        .selectFrom('persons')
        .select(['bsn', 'given_names', 'name_prefix', 'surname'])
        .where('bsn', 'in', unknown)
        .execute()
      for (const r of rows) coMoverNames.set(r.bsn, personNameOf(r))
    }

    const oneLineOf = (prefix: 'from' | 'to', m: (typeof moves)[number]) => {
      const id = m[`${prefix}_id`]
      if (!id) return null
      return addressView({
        id,
        street: m[`${prefix}_street`] ?? '',
        house_number: m[`${prefix}_house_number`] ?? 0,
        house_letter: m[`${prefix}_house_letter`],
        house_number_addition: m[`${prefix}_house_number_addition`],
        postcode: m[`${prefix}_postcode`] ?? '',
        city: m[`${prefix}_city`] ?? '',
      }).oneLine
    }
    const exportAddress = (a: Parameters<typeof addressView>[0]) => {
      const { street, houseNumber, postcode, city, oneLine } = addressView(a)
      return { street, houseNumber, postcode, city, oneLine }
    }
    const en = language === 'en'
    const stepNames = new Map(steps.map((s) => [`${s.case_type_code}:${s.code}`, s]))

    const data: DataExport = {
      schema: DATA_EXPORT_SCHEMA,
      version: DATA_EXPORT_VERSION,
      generatedAt: now.toISOString(),
      language,
      controller: {
        name: MUNICIPALITY.name[language],
        postalAddress: MUNICIPALITY.postalAddress,
        phone: MUNICIPALITY.phone,
        website: MUNICIPALITY.website,
      },
      person: {
        bsn: person.bsn,
        givenNames: person.given_names,
        namePrefix: person.name_prefix,
        surname: person.surname,
        gender: person.gender,
        birthDate: person.birth_date,
        birthPlace: person.birth_place,
        birthCountry: person.birth_country,
        nationality: person.nationality,
        address: current
          ? { ...exportAddress(current), since: person.moved_in_on, inResearch: person.address_in_research }
          : null,
        updatedAt: iso(person.updated_at)!,
      },
      addressHistory: history.map((h) => ({
        address: exportAddress(h),
        from: h.from_date,
        to: h.to_date,
        source: h.source,
      })),
      household: household.map((m) => ({
        relation: m.relation,
        name: m.name,
        birthDate: m.birthDate,
        since: m.since,
        livesWithYou: m.addressId !== null && m.addressId === person.address_id,
      })),
      contactDetails: contact
        ? {
            email: contact.email,
            emailConfirmedAt: iso(contact.email_verified_at),
            pendingEmail: pending?.email ?? null,
            phone: contact.phone,
            letterChannel: contact.letter_channel,
            language: contact.language,
            updatedAt: iso(contact.updated_at)!,
          }
        : null,
      dataChanges: changes.map((c) => ({
        item: c.field,
        oldValue: c.old_value,
        newValue: c.new_value,
        changedAt: iso(c.changed_at)!,
        source: c.source,
      })),
      cases: cases.map((c) => ({
        reference: c.reference,
        caseType: en ? c.type_en : c.type_nl,
        subject: c.subject,
        channel: c.channel,
        status: c.status,
        currentStep: (en ? c.step_en : c.step_nl) ?? c.current_step,
        receivedOn: c.received_on,
        acknowledgementDueOn: c.ack_due_on,
        decisionDueOn: c.decision_due_on,
        extended: c.extended,
        outcome: c.outcome,
        decidedOn: c.decided_on,
        closedOn: c.closed_on,
        contactPerson: c.contact_name
          ? { name: c.contact_name, phone: c.contact_phone ?? '', department: c.contact_department ?? '' }
          : null,
        events: events
          .filter((e) => e.case_id === c.id)
          .map((e) => {
            const payload = (e.payload ?? {}) as Record<string, unknown>
            const details: Record<string, string> = {}
            for (const key of EVENT_DETAILS[e.type] ?? []) {
              const value = payload[key]
              if (typeof value === 'string' || typeof value === 'number') details[key] = String(value)
            }
            const step = details.step ? stepNames.get(`${c.case_type_code}:${details.step}`) : undefined
            if (step) details.stepName = en ? step.name_en : step.name_nl
            return { seq: e.seq, type: e.type, occurredAt: iso(e.occurred_at)!, details }
          }),
        ...conversationOf(c.id),
      })),
      letters: letters.map((row) => {
        const letter = toStoredLetter(row)
        return {
          date: row.letter_date,
          caseReference: row.reference,
          title: row.title,
          language: row.language,
          delivery: row.delivery,
          readAt: iso(row.read_at),
          printedAt: iso(row.printed_at),
          text: letterText(letter),
        }
      }),
      correctionRequests: corrections.map((r) => ({
        status: r.status,
        item: r.field,
        currentValue: r.current_value,
        proposedValue: r.proposed_value,
        explanation: r.explanation,
        evidence:
          r.evidence_name && r.evidence_type
            ? { name: r.evidence_name, type: r.evidence_type, bytes: r.evidence_size ?? 0 }
            : null,
        caseReference: r.reference,
        createdAt: iso(r.created_at)!,
        submittedAt: iso(r.submitted_at),
        decidedAt: iso(r.decided_at),
        decisionReason: r.decision_reason,
      })),
      moves: moves.map((m) => ({
        status: m.status,
        fromAddress: oneLineOf('from', m),
        toAddress: oneLineOf('to', m),
        moveDate: m.move_date,
        coMovers: m.co_mover_bsns.map((b) => coMoverNames.get(b) ?? '?'),
        caseReference: m.reference,
        createdAt: iso(m.created_at)!,
        submittedAt: iso(m.submitted_at),
        decidedAt: iso(m.decided_at),
        decisionReason: m.decision_reason,
      })),
      contactMoments: moments.map((c) => ({
        occurredAt: iso(c.occurred_at as unknown as Date)!, // Generated<Timestamp> selects as the column type
        channel: c.channel,
        subject: c.subject,
        summary: c.summary,
        topic: c.topic,
        caseReference: c.case_reference,
        questionReference: c.question_reference,
      })),
      questions: groupQuestions(questionEntries),
      viewedBy: views.map((v) => {
        const staff = v.actor_kind === 'staff' || v.actor_kind === 'staff_as_citizen'
        return {
          at: iso(v.at as unknown as Date)!, // Generated<Timestamp> selects as the column type
          who:
            v.actor_kind === 'staff_as_citizen'
              ? ('employee_looking_along' as const)
              : v.actor_kind === 'staff'
                ? ('employee' as const)
                : v.actor_kind === 'representative'
                  ? ('representative' as const)
                  : ('you' as const),
          employee: staff ? (showStaffNames ? (v.name ?? v.actor_id) : v.actor_id) : null,
          action: v.action,
          caseReference: v.resource?.startsWith('case:') ? v.resource.slice('case:'.length) : null,
          reason: v.reason && !v.reason.startsWith('case:') ? v.reason : null,
        }
      }),
    }

    await recordAudit(trx, {
      ...citizenAudit(actor),
      action: EXPORTED,
      subjectBsn: bsn,
      resource: 'mijn/gegevens/downloaden',
      details: { format, schemaVersion: DATA_EXPORT_VERSION },
    })
    return data
  })
}

/** The readable copy: the same data, composed in the reader's language, as a tagged PDF. */
export async function renderDataExportPdf(data: DataExport, t: Translate): Promise<Buffer> {
  return renderDocumentPdf(composeExportDocument(data, t), {
    author: data.controller.name,
    subject: t('pdf.subject'),
  })
}

/** The question rows (one per visible entry, in order) as one item per question with its thread. */
function groupQuestions(
  rows: ReadonlyArray<{
    id: string
    reference: string
    topic: string
    channel: string
    answer_channel: string
    received_at: Date
    kind: string
    /** Generated<Timestamp> selects as the column type; pg gives a Date */
    at: unknown
    body: string
    sent_via: string | null
  }>,
): DataExport['questions'] {
  const byId = new Map<string, DataExport['questions'][number]>()
  for (const r of rows) {
    let q = byId.get(r.id)
    if (!q) {
      q = {
        reference: r.reference,
        topic: r.topic,
        channel: r.channel,
        answerChannel: r.answer_channel,
        receivedAt: new Date(r.received_at).toISOString(),
        entries: [],
      }
      byId.set(r.id, q)
    }
    q.entries.push({ kind: r.kind, at: new Date(r.at as Date).toISOString(), text: r.body, sentVia: r.sent_via })
  }
  return [...byId.values()]
}
