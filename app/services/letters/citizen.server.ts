/** "Mijn brieven": the citizen's letters, one letter, and marking it read. */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { LetterLanguage } from '~/domain/letters-format'
import type { LocalDate } from '~/domain/local-date'
import {
  fromLetters,
  isLetterId,
  letterColumns,
  letterReference,
  toStoredLetter,
  type StoredLetter,
} from '~/services/letters/stored.server'

export interface LetterListItem {
  id: string
  title: string
  /** The case's reference, or the question's (V-2026-000123). */
  reference: string
  /** The case type, in the reader's language: which of my cases is this about? Null for a question's letter. */
  caseType: string | null
  caseId: string | null
  questionId: string | null
  letterDate: LocalDate
  read: boolean
  delivery: 'digital' | 'paper'
}

/** "Mijn brieven": this citizen's letters, newest first; unread ones flagged. */
export async function listLettersForCitizen(
  bsn: string,
  language: LetterLanguage = 'nl',
  db: DB = getDb(),
): Promise<LetterListItem[]> {
  // A case's letter or a question's (letters_belongs_to): the case type only for the first.
  const rows = await fromLetters(db)
    .leftJoin('case_types as t', 't.code', 'c.case_type_code')
    .select([
      'l.id',
      'l.title',
      letterReference.as('reference'),
      't.name_nl',
      't.name_en',
      'l.case_id',
      'l.question_id',
      'l.letter_date',
      'l.read_at',
      'l.delivery',
    ])
    .where('l.bsn', '=', bsn)
    .orderBy('l.letter_date', 'desc')
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    reference: r.reference,
    caseType: (language === 'en' ? r.name_en : r.name_nl) ?? null,
    caseId: r.case_id,
    questionId: r.question_id,
    letterDate: r.letter_date,
    read: r.read_at !== null,
    delivery: r.delivery,
  }))
}

export interface CitizenLetter extends StoredLetter {
  /** Read before this view; a first view by the citizen marks it read from now on. */
  readBefore: boolean
}

/**
 * One letter of this citizen. Another citizen's letter, an unknown id and a malformed one all
 * give `null`: the route answers the same 404 for each, so nobody learns which ids exist.
 *
 * `markRead`: only when the citizen reads it themself. A support employee viewing along
 * (impersonation) must not make a letter look read that the citizen never saw; the route passes
 * `false` then. Marking read is bookkeeping, not a change the reader asks for, so a GET may do it.
 */
export async function getLetterForCitizen(
  bsn: string,
  letterId: string,
  { markRead, db = getDb() }: { markRead: boolean; db?: DB },
): Promise<CitizenLetter | null> {
  if (!isLetterId(letterId)) return null
  const row = await fromLetters(db)
    .select(letterColumns)
    .where('l.id', '=', letterId)
    .where('l.bsn', '=', bsn)
    .executeTakeFirst()
  if (!row) return null
  if (markRead && row.read_at === null) await markLetterRead(bsn, letterId, { db })
  return { ...toStoredLetter(row), readBefore: row.read_at !== null }
}

/** Marks a letter read, once; a foreign or unknown letter changes nothing. */
export async function markLetterRead(
  bsn: string,
  letterId: string,
  { db = getDb() }: { db?: DB } = {},
): Promise<boolean> {
  if (!isLetterId(letterId)) return false
  const result = await db
    .updateTable('letters')
    .set({ read_at: new Date() })
    .where('id', '=', letterId)
    .where('bsn', '=', bsn)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
