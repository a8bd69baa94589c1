/**
 * The parts of each case in the citizen's copy of their data (data-export.server.ts) that came
 * with talking to us: the messages with the caseworker, the answers to requests for information
 * (Awb 4:15) and the list of the case's documents — read inside the export's transaction, only
 * for cases with the citizen's own BSN.
 *
 * Who wrote or added something reads as on the case page: "you", or the municipality with the
 * employee's name (a message, as the conversation shows it) and department — never an
 * employee's or a system's id. A document is listed without its bytes.
 */
import type { Executor } from '../../../db/client'
import { storedPayloadSchemas } from '~/domain/case-events'
import type { DataExport } from '~/domain/data-export'
import { actorOf } from '~/domain/documents'
import { localDateOf } from '~/domain/local-date'
import { citizenSees } from '~/services/documents/case-documents.server'

type ExportCase = DataExport['cases'][number]
export type CaseConversationParts = Pick<ExportCase, 'messages' | 'informationAnswers' | 'documents'>

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString())

/** Per case id, its messages, answers and documents, each oldest first. */
export async function readCaseConversationParts(
  bsn: string,
  { trx }: { trx: Executor },
): Promise<(caseId: string) => CaseConversationParts> {
  const [messages, answers, documents] = await Promise.all([
    trx
      .selectFrom('case_messages as m')
      .innerJoin('cases as c', 'c.id', 'm.case_id')
      .leftJoin('employees as e', 'e.id', 'm.employee_id')
      .select(['m.case_id', 'm.author_kind', 'm.body', 'm.sent_at', 'm.read_at', 'm.holding', 'e.name', 'e.department'])
      .where('c.bsn', '=', bsn)
      .orderBy('m.seq')
      .execute(),
    trx
      .selectFrom('case_events as ev')
      .innerJoin('cases as c', 'c.id', 'ev.case_id')
      .select(['ev.case_id', 'ev.occurred_at', 'ev.payload'])
      .where('c.bsn', '=', bsn)
      .where('ev.type', '=', 'information_received')
      .orderBy('ev.case_id')
      .orderBy('ev.seq')
      .execute(),
    trx
      .selectFrom('documents as d')
      .innerJoin('cases as c', 'c.id', 'd.case_id')
      .innerJoin('case_types as ct', 'ct.code', 'c.case_type_code')
      .select(['d.id', 'd.case_id', 'd.kind', 'd.title', 'd.media_type', 'd.size', 'd.added_at', 'd.added_by'])
      .select('ct.department as case_department')
      .where('c.bsn', '=', bsn)
      .orderBy('d.seq')
      .execute(),
  ])
  const employeeIds = [
    ...new Set(
      documents
        .map((d) => actorOf(d.added_by))
        .filter((a) => a.kind === 'employee')
        .map((a) => a.id),
    ),
  ]
  const departments = new Map(
    employeeIds.length
      ? (await trx.selectFrom('employees').select(['id', 'department']).where('id', 'in', employeeIds).execute()).map(
          (r) => [r.id, r.department] as const,
        )
      : [],
  )
  const titles = new Map(documents.map((d) => [d.id, d.title]))

  const parts = new Map<string, CaseConversationParts>()
  const of = (caseId: string) => {
    let found = parts.get(caseId)
    if (!found) parts.set(caseId, (found = { messages: [], informationAnswers: [], documents: [] }))
    return found
  }
  for (const m of messages) {
    const employee = m.author_kind === 'employee'
    of(m.case_id).messages.push({
      from: employee ? 'municipality' : 'you',
      author: employee ? m.name : null,
      department: employee ? m.department : null,
      sentAt: iso(m.sent_at)!,
      text: m.body,
      acknowledgement: m.holding,
      readAt: iso(m.read_at),
    })
  }
  for (const a of answers) {
    const payload = storedPayloadSchemas.information_received.safeParse(a.payload)
    if (!payload.success) continue
    of(a.case_id).informationAnswers.push({
      receivedOn: localDateOf(a.occurred_at),
      channel: payload.data.channel,
      text: payload.data.answer ?? null,
      files: (payload.data.documentIds ?? []).flatMap((id) => titles.get(id) ?? []),
    })
  }
  for (const d of documents) {
    const who = citizenSees(d.added_by, departments, d.case_department)
    of(d.case_id).documents.push({
      title: d.title,
      kind: d.kind,
      addedAt: iso(d.added_at)!,
      mediaType: d.media_type,
      bytes: d.size,
      addedBy: who.by === 'you' ? 'you' : 'municipality',
      department: who.by === 'department' ? who.name : null,
    })
  }
  return (caseId) => parts.get(caseId) ?? { messages: [], informationAnswers: [], documents: [] }
}
