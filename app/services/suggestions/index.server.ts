/**
 * "Voor u" on Mijn overzicht: the suggestions for one citizen (the rules: app/domain/suggestions.ts)
 * and putting one away. A suggestion that shows the register's data (an address, an age) is
 * audited as a view of that data, like Mijn gegevens (Wet BRP art. 3.21: the citizen can see who
 * looked). Putting one away is refused while a staff member looks along (read-only), and only a
 * key that is suggested to this citizen right now is written: no arbitrary rows.
 */
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import type { DigidLevel } from '~/domain/digid-level'
import { deriveSuggestions, shownSuggestions, type Suggestion } from '~/domain/suggestions'
import { recordAudit } from '~/services/audit.server'
import { municipalToday } from '~/services/calendar.server'
import { citizenAudit, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import { loadSuggestionFacts } from './facts.server'

/** The citizen as the session hands it over, with the DigiD level that decides what may be read. */
export type SuggestionsActor = CitizenActor & { level: DigidLevel }

export interface SuggestionsView {
  /** at most MAX_SHOWN_SUGGESTIONS, the most important first */
  shown: Suggestion[]
  /** how many more there are, shown when one of these is put away */
  waiting: number
}

interface Options {
  db?: DB
  now?: Date
}

/** The suggestions to show on Mijn overzicht now. */
export async function getSuggestions(
  actor: SuggestionsActor,
  { db = getDb(), now = new Date() }: Options = {},
): Promise<SuggestionsView> {
  return db.transaction().execute(async (trx) => {
    const [facts, dismissed] = await Promise.all([
      loadSuggestionFacts(actor.bsn, { db: trx, level: actor.level, now }),
      trx.selectFrom('suggestion_dismissals').select('suggestion').where('bsn', '=', actor.bsn).execute(),
    ])
    const view = shownSuggestions(
      deriveSuggestions(facts, municipalToday(now)),
      new Set(dismissed.map((d) => d.suggestion)),
    )
    const personal = view.shown.filter((s) => s.usesPersonalData)
    if (personal.length > 0)
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'personal_data.viewed',
        subjectBsn: actor.bsn,
        resource: 'mijn/voor-u',
        details: { suggestions: personal.map((s) => s.kind) },
      })
    return view
  })
}

export type DismissResult = { ok: true } | { ok: false; error: 'not_suggested' }

/**
 * Puts a suggestion away for good: the key must be one suggested to this citizen now (shown or
 * waiting); anything else is refused and nothing is written. Twice is once. Audited in the
 * same transaction.
 */
export async function dismissSuggestion(
  actor: SuggestionsActor,
  key: string,
  { db = getDb(), now = new Date() }: Options = {},
): Promise<DismissResult> {
  refuseWhileImpersonating(actor)
  return db.transaction().execute(async (trx) => {
    const facts = await loadSuggestionFacts(actor.bsn, { db: trx, level: actor.level, now })
    const suggestion = deriveSuggestions(facts, municipalToday(now)).find((s) => s.key === key)
    if (!suggestion) return { ok: false as const, error: 'not_suggested' as const }
    const inserted = await trx
      .insertInto('suggestion_dismissals')
      .values({ bsn: actor.bsn, suggestion: key, dismissed_at: now })
      .onConflict((oc) => oc.columns(['bsn', 'suggestion']).doNothing())
      .returning('suggestion')
      .executeTakeFirst()
    if (inserted)
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'suggestion.dismissed',
        subjectBsn: actor.bsn,
        resource: 'mijn/voor-u',
        details: { suggestion: suggestion.kind },
      })
    return { ok: true as const }
  })
}
