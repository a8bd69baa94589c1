/**
 * "Wie heeft mijn gegevens bekeken": what staff saw of the citizen's data,
 * when a support employee viewed as them, and each download of a copy of all their data (made
 * with their DigiD, so one they did not make is reported here too) — from the audit log, newest first. A citizen only
 * ever reads entries with their own BSN as subject: the BSN comes from the session, never from
 * the request.
 *
 * "Dit herken ik niet" records a contact moment for follow-up by the municipality, with its
 * audit entry, in one transaction.
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { ImpersonationReason } from '../../../db/schema'
import { recordAudit } from '../audit.server'
import type { CitizenUser } from '../auth/user.server'
import { settings } from '~/context.server'

/** Which citizen page a path is, for "what was seen"; translated by the page. */
export type SeenPage =
  | 'overview'
  | 'cases'
  | 'case'
  | 'document'
  | 'letters'
  | 'letter'
  | 'mydata'
  | 'preferences'
  | 'inzage'
  | 'contact'
  | 'other'

export function seenPageOf(path: string): SeenPage {
  const p = path.replace(/\/+$/, '')
  if (p === '/mijn') return 'overview'
  if (p === '/mijn/zaken') return 'cases'
  if (/^\/mijn\/zaken\/[^/]+\/documenten\//.test(p)) return 'document'
  if (p.startsWith('/mijn/zaken/')) return 'case'
  if (p === '/mijn/brieven') return 'letters'
  if (p.startsWith('/mijn/brieven/')) return 'letter'
  if (p.startsWith('/mijn/gegevens')) return 'mydata'
  if (p.startsWith('/mijn/voorkeuren')) return 'preferences'
  if (p.startsWith('/mijn/inzage')) return 'inzage'
  if (p.startsWith('/mijn/contact')) return 'contact'
  return 'other'
}

export interface InzageEntry {
  /** the audit entry "Dit herken ik niet" refers to */
  id: string
  /** `download`: the citizen (or their representative) downloaded a copy of their data */
  kind: 'impersonation' | 'staffView' | 'download'
  at: string
  /** the employee's name, or their employee number (AUDIT_SHOW_STAFF_NAMES=false) */
  staff: string
  /** staff views: the action code (translated by the page) */
  action: string | null
  /** a case reference when the entry is about one */
  caseReference: string | null
  reason: string | null
  impersonation: {
    reasonCode: ImpersonationReason
    reasonText: string | null
    reference: string
    endedAt: string | null
    pages: SeenPage[]
  } | null
  /** a download of the citizen's data (data-export.server.ts): in what format, by whom */
  download: { format: string; by: 'you' | 'representative' } | null
  reported: boolean
}

const STAFF_KINDS = ['staff', 'staff_as_citizen'] as const
/** A copy of all their data, downloaded with their DigiD: listed too, so a stranger's download shows. */
const DOWNLOADED = 'personal_data.exported'
const ENTRY_LIMIT = 500

export async function listInzage(
  citizen: Pick<CitizenUser, 'bsn'>,
  { db = getDb() }: { db?: DB } = {},
): Promise<InzageEntry[]> {
  const showNames = settings().impersonation.showStaffNames
  const [rows, impersonations, reported] = await Promise.all([
    db
      .selectFrom('audit_log as a')
      .leftJoin('employees as e', 'e.id', 'a.actor_id')
      .select(['a.id', 'a.at', 'a.actor_id', 'a.action', 'a.resource', 'a.reason', 'a.details', 'e.name'])
      .select('a.actor_kind')
      .where('a.subject_bsn', '=', citizen.bsn)
      .where((eb) => eb.or([eb('a.actor_kind', 'in', STAFF_KINDS), eb('a.action', '=', DOWNLOADED)]))
      .orderBy('a.id', 'desc')
      .limit(ENTRY_LIMIT)
      .execute(),
    db
      .selectFrom('impersonations')
      .selectAll()
      .where('bsn', '=', citizen.bsn)
      .orderBy('started_at', 'desc')
      .limit(ENTRY_LIMIT)
      .execute(),
    db
      .selectFrom('audit_log')
      .select('resource')
      .where('subject_bsn', '=', citizen.bsn)
      .where('action', '=', 'inzage.not_recognised')
      .execute()
      .then((r) => new Set(r.map((x) => x.resource))),
  ])
  const byId = new Map(impersonations.map((i) => [i.id, i]))
  const entries: InzageEntry[] = []
  const grouped = new Map<string, InzageEntry>()
  for (const row of rows) {
    const details = (row.details ?? {}) as Record<string, unknown>
    const staff = showNames ? (row.name ?? row.actor_id) : row.actor_id
    const impersonationId = typeof details.impersonationId === 'string' ? details.impersonationId : null
    const imp = impersonationId ? byId.get(impersonationId) : undefined
    if (imp) {
      // One entry per viewing: its start is what the citizen reports; the pages seen are listed.
      let entry = grouped.get(imp.id)
      if (!entry) {
        entry = {
          id: row.id,
          kind: 'impersonation',
          at: new Date(imp.started_at).toISOString(),
          staff: showNames ? imp.employee_name : imp.employee_id,
          action: null,
          caseReference: null,
          reason: null,
          impersonation: {
            reasonCode: imp.reason_code,
            reasonText: imp.reason_text,
            reference: imp.reference,
            endedAt: imp.ended_at ? new Date(imp.ended_at).toISOString() : null,
            pages: [],
          },
          download: null,
          reported: false,
        }
        grouped.set(imp.id, entry)
        entries.push(entry)
      }
      if (row.action === 'impersonation.started') entry.id = row.id
      if (row.action === 'impersonation.page_viewed' && entry.impersonation) {
        const page = seenPageOf(typeof details.path === 'string' ? details.path : (row.resource ?? ''))
        if (!entry.impersonation.pages.includes(page)) entry.impersonation.pages.unshift(page)
      }
      continue
    }
    if (row.action === DOWNLOADED && !STAFF_KINDS.some((k) => k === row.actor_kind)) {
      entries.push({
        id: row.id,
        kind: 'download',
        at: new Date(row.at as unknown as Date).toISOString(),
        staff: '',
        action: row.action,
        caseReference: null,
        reason: null,
        impersonation: null,
        download: {
          format: typeof details.format === 'string' ? details.format : '',
          by: row.actor_kind === 'representative' ? 'representative' : 'you',
        },
        reported: false,
      })
      continue
    }
    entries.push({
      id: row.id,
      kind: 'staffView',
      at: new Date(row.at as unknown as Date).toISOString(), // Generated<Timestamp> selects as the column type
      staff,
      action: row.action,
      caseReference: row.resource?.startsWith('case:') ? row.resource.slice('case:'.length) : null,
      reason: row.reason && !row.reason.startsWith('case:') ? row.reason : null,
      impersonation: null,
      download: null,
      reported: false,
    })
  }
  for (const entry of entries) entry.reported = reported.has(`audit:${entry.id}`)
  return entries.sort((a, b) => b.at.localeCompare(a.at))
}

export type ReportOutcome = { ok: true; alreadyReported: boolean } | { ok: false; code: 'notFound' }

/**
 * "Dit herken ik niet": a contact moment for the municipality to follow up, and its audit entry,
 * together. Only for an entry of this citizen's own log (404 otherwise, as for a missing one);
 * a second report of the same entry adds nothing. Never reached while looking along: that is
 * read-only before any action runs (impersonation/read-only.server.ts).
 */
export async function reportUnrecognised(
  citizen: Pick<CitizenUser, 'bsn'>,
  entryId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<ReportOutcome> {
  if (!/^\d{1,18}$/.test(entryId)) return { ok: false, code: 'notFound' }
  return db.transaction().execute(async (trx) => {
    // Serialise reports of one citizen, so a double click records one contact moment.
    await sql`select pg_advisory_xact_lock(hashtext(${`inzage:${citizen.bsn}`}))`.execute(trx)
    const entry = await trx
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor_kind', 'actor_id', 'action'])
      .where('id', '=', entryId)
      .where('subject_bsn', '=', citizen.bsn)
      .where((eb) => eb.or([eb('actor_kind', 'in', STAFF_KINDS), eb('action', '=', DOWNLOADED)]))
      .executeTakeFirst()
    if (!entry) return { ok: false as const, code: 'notFound' as const }
    const resource = `audit:${entry.id}`
    const before = await trx
      .selectFrom('audit_log')
      .select('id')
      .where('subject_bsn', '=', citizen.bsn)
      .where('action', '=', 'inzage.not_recognised')
      .where('resource', '=', resource)
      .executeTakeFirst()
    if (before) return { ok: true as const, alreadyReported: true }
    await trx
      .insertInto('contact_moments')
      .values({
        bsn: citizen.bsn,
        channel: 'internet',
        subject: 'Inzage: niet herkend',
        summary: `De burger herkent deze inzage niet: ${entry.action} op ${new Date(entry.at as unknown as Date).toISOString()} door ${
          STAFF_KINDS.some((k) => k === entry.actor_kind)
            ? `medewerker ${entry.actor_id}`
            : 'iemand die inlogde met de DigiD van de burger of als gemachtigde' // a download they did not make
        } (auditregel ${entry.id}). Opvolgen.`,
        employee_id: null,
      })
      .execute()
    await recordAudit(trx, {
      actorKind: 'citizen',
      actorId: 'citizen',
      action: 'inzage.not_recognised',
      subjectBsn: citizen.bsn,
      resource,
    })
    return { ok: true as const, alreadyReported: false }
  })
}
