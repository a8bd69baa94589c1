/**
 * The contact history: every contact between a citizen and the municipality, newest first, as
 * one timeline read from where each contact is recorded — the questions and their thread
 * (`question_entries`), calls and counter visits (`contact_moments`), messages on cases
 * (`case_messages`) and letters (`letters`). One query, a UNION ALL of the four, paged by keyset
 * (time, key) so a citizen with hundreds of contacts pages as fast as one with ten.
 *
 * The citizen ("Mijn contact") sees what was said to and by them: never the internal
 * hand-overs and notes, never an employee number. Staff (klantbeeld.server.ts) see those too.
 */
import { sql } from 'kysely'
import type { Executor } from '../../../db/client'
import { getDb } from '../../../db/instance'
import {
  CONTACT_FILTERS,
  CONTACT_PERIODS,
  periodStart,
  type ContactChannel,
  type ContactCursor,
  type ContactEntryKind,
  type ContactFilter,
  type ContactPeriod,
} from '~/domain/contact-history'
import { startOfDayIn, type LocalDate } from '~/domain/local-date'
import { CITIZEN_VISIBLE_ENTRIES } from '~/domain/questions'
import { municipalToday } from '~/services/calendar.server'

export interface ContactEntry {
  key: string
  at: string
  kind: ContactEntryKind
  channel: ContactChannel | null
  /** the topic key (topics:<key>.label), when one was recorded */
  topic: string | null
  /** the question's reference, the case's subject, the letter's title or the contact's subject */
  title: string
  /** a short excerpt of what was said or written, or the summary of a call or visit */
  summary: string | null
  /** the question's or case's reference */
  reference: string | null
  questionId: string | null
  caseId: string | null
  letterId: string | null
  /** the department a question was handed over to, or the employee's department */
  department: string | null
  /** the employee's name, as the case pages name them */
  employeeName: string | null
  /** staff only: the employee number */
  employeeId: string | null
  internal: boolean
}

export interface ContactPage {
  entries: ContactEntry[]
  /** the cursor of the next (older) page, null on the last */
  next: ContactCursor | null
}

export interface ContactQuery {
  filter: ContactFilter
  period: ContactPeriod
  after: ContactCursor | null
}

/** Entries per page. */
export const CONTACT_PAGE_SIZE = 25
const EXCERPT_CHARS = 240
/** The contact moment "Dit herken ik niet" (impersonation/inzage.server.ts) writes: the citizen's own report. */
const INZAGE_REPORT_SUBJECT = 'Inzage: niet herkend'

const GROUP_OF_FILTER: Record<Exclude<ContactFilter, 'alles'>, string> = {
  vragen: 'questions',
  telefoon: 'calls',
  balie: 'visits',
  berichten: 'messages',
  brieven: 'letters',
}

interface Row {
  key: string
  at: Date
  /** the time to the microsecond, for the cursor (a Date keeps milliseconds only) */
  cursor_at: string
  kind: ContactEntryKind
  channel: ContactChannel | null
  topic: string | null
  title: string
  body: string | null
  reference: string | null
  question_id: string | null
  case_id: string | null
  letter_id: string | null
  department: string | null
  employee_id: string | null
  employee_name: string | null
  employee_department: string | null
}

/**
 * One page of the contact history of `bsn`. `viewer: 'citizen'` leaves out what is internal
 * and what names an employee by number; `viewer: 'staff'` shows everything.
 */
export async function readContactHistory(
  bsn: string,
  query: ContactQuery,
  {
    viewer,
    pageSize = CONTACT_PAGE_SIZE,
    today = municipalToday(),
    db = getDb(),
  }: { viewer: 'citizen' | 'staff'; pageSize?: number; today?: LocalDate; db?: Executor },
): Promise<ContactPage> {
  const visible =
    viewer === 'citizen' ? sql`and e.kind in (${sql.join(CITIZEN_VISIBLE_ENTRIES.map((k) => sql`${k}`))})` : sql``
  const since = periodStart(query.period, today)
  const conditions = [
    query.filter === 'alles' ? null : sql`t.grp = ${GROUP_OF_FILTER[query.filter]}`,
    since ? sql`t.at >= ${startOfDayIn(since)}` : null,
    query.after ? sql`(t.at, t.key) < (${query.after.at}::timestamptz, ${query.after.key}::text)` : null,
  ].filter((c) => c !== null)
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``
  const { rows } = await sql<Row>`
    select t.*, to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at from (
      select 'e:' || e.id as key, e.at, 'questions' as grp,
             case e.kind when 'follow_up' then 'followUp' else e.kind end as kind,
             case when e.kind in ('question', 'follow_up') then
                    case when q.channel = 'internet' then 'portal' else q.channel end
                  else e.sent_via end as channel,
             q.topic, q.reference as title, e.body, q.reference, q.id as question_id, q.case_id,
             null::uuid as letter_id, e.department, e.employee_id, emp.name as employee_name,
             emp.department as employee_department
      from question_entries e
      join questions q on q.id = e.question_id
      left join employees emp on emp.id = e.employee_id
      where q.bsn = ${bsn} ${visible}
      union all
      select 'c:' || m.id, m.occurred_at,
             case m.channel when 'phone' then 'calls' when 'counter' then 'visits' else 'other' end,
             case when m.subject = ${INZAGE_REPORT_SUBJECT} and m.employee_id is null then 'report'
                  when m.channel = 'phone' then 'call' when m.channel = 'counter' then 'visit' else 'contact' end,
             case when m.channel = 'internet' then 'portal' else m.channel end,
             m.topic, m.subject, m.summary, coalesce(q.reference, c.reference), m.question_id, m.case_id,
             null::uuid, null, m.employee_id, emp.name, emp.department
      from contact_moments m
      left join questions q on q.id = m.question_id and q.bsn = m.bsn
      left join cases c on c.id = m.case_id and c.bsn = m.bsn
      left join employees emp on emp.id = m.employee_id
      where m.bsn = ${bsn}
      union all
      select 'm:' || m.id, m.sent_at, 'messages',
             case m.author_kind when 'citizen' then 'messageSent' else 'messageReceived' end,
             'portal', null, c.subject, m.body, c.reference, null::uuid, c.id, null::uuid, null, m.employee_id,
             emp.name, emp.department
      from case_messages m
      join cases c on c.id = m.case_id
      left join employees emp on emp.id = m.employee_id
      where c.bsn = ${bsn}
      union all
      -- A letter counts from its date (noon in Groningen), or from when it was made if that is earlier.
      select 'l:' || l.id, least(l.created_at, (l.letter_date + time '12:00') at time zone 'Europe/Amsterdam'),
             'letters', 'letter',
             case l.delivery when 'paper' then 'letter' else 'portal' end,
             q.topic, l.title, null, coalesce(c.reference, q.reference), l.question_id, l.case_id, l.id, null, null,
             null, null
      from letters l
      left join cases c on c.id = l.case_id
      left join questions q on q.id = l.question_id
      where l.bsn = ${bsn}
    ) t
    ${where}
    order by t.at desc, t.key desc
    limit ${pageSize + 1}
  `.execute(db)
  const page = rows.slice(0, pageSize)
  const entries = page.map((r) => toEntry(r, viewer))
  const last = page[page.length - 1]
  return {
    entries,
    next: rows.length > pageSize && last ? { at: last.cursor_at, key: last.key } : null,
  }
}

function excerpt(text: string | null): string | null {
  if (text === null) return null
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : flat
}

function toEntry(r: Row, viewer: 'citizen' | 'staff'): ContactEntry {
  const internal = r.kind === 'handover' || r.kind === 'note'
  // The citizen's own report names the employee by number and the audit row: the page words it itself.
  const summary =
    r.kind === 'report' && viewer === 'citizen'
      ? null
      : r.kind === 'call' || r.kind === 'visit'
        ? r.body
        : excerpt(r.body)
  return {
    key: r.key,
    at: new Date(r.at).toISOString(),
    kind: r.kind,
    channel: r.channel,
    topic: r.topic,
    title: r.title,
    summary,
    reference: r.reference,
    questionId: r.question_id,
    caseId: r.case_id,
    letterId: r.letter_id,
    department: r.department ?? r.employee_department,
    employeeName: r.employee_name,
    employeeId: viewer === 'staff' ? r.employee_id : null,
    internal,
  }
}

/** The cursor as a query-string value: opaque to the reader. */
export function encodeCursor(cursor: ContactCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.key}`, 'utf8').toString('base64url')
}

/** Entries, messages and letters have UUIDs; contact moments a serial number (0001). */
const KEY_PATTERN = /^(?:[eml]:[0-9a-f-]{36}|c:\d{1,19})$/
const CURSOR_AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

/** The cursor in a query string, or null for anything that is not one we made. */
export function decodeCursor(value: string | null | undefined): ContactCursor | null {
  if (!value || value.length > 200) return null
  const text = Buffer.from(value, 'base64url').toString('utf8')
  const [at, key, ...rest] = text.split('|')
  if (rest.length || !at || !key || !KEY_PATTERN.test(key)) return null
  if (!CURSOR_AT_PATTERN.test(at) || Number.isNaN(new Date(at).getTime())) return null
  return { at, key }
}

/** The filter and page from a query string; anything unknown falls back to everything, page one. */
export function contactQueryOf(params: URLSearchParams): ContactQuery {
  const soort = params.get('soort')
  const periode = params.get('periode')
  return {
    filter: CONTACT_FILTERS.find((f) => f === soort) ?? 'alles',
    period: CONTACT_PERIODS.find((p) => p === periode) ?? 'alles',
    after: decodeCursor(params.get('na')),
  }
}

/** The links of the pager: older contacts with the same filter, and back to the newest. */
export function pagerLinks(
  path: string,
  query: ContactQuery,
  next: ContactCursor | null,
  extra: Record<string, string> = {},
): { nextHref: string | null; firstHref: string | null } {
  const base = { ...extra, soort: query.filter, periode: query.period }
  return {
    nextHref: next ? `${path}?${new URLSearchParams({ ...base, na: encodeCursor(next) })}` : null,
    firstHref: query.after ? `${path}?${new URLSearchParams(base)}` : null,
  }
}
