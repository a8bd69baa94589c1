import { Link, useFetcher, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Suggestion } from '~/domain/suggestions'
import { MAX_SHOWN_SUGGESTIONS } from '~/domain/suggestions'
import { formatLocalDate } from './date-text'

/** The section's id: where "Niet meer tonen" without JavaScript comes back to. */
export const SUGGESTIONS_ANCHOR = 'voor-u'
/** Set on /mijn after a suggestion was put away without JavaScript: the page says so. */
export const DISMISSED_PARAM = 'verborgen'
const DISMISS_ACTION = '/mijn/voor-u/verbergen'

export interface SuggestionsPanelData {
  shown: Suggestion[]
  waiting: number
  /** a staff member looking along: nothing can be put away */
  readOnly: boolean
}

/**
 * "Voor u" on Mijn overzicht: at most three suggestions from the citizen's own data, each with
 * why, one thing to do and "Niet meer tonen" — a real form (without JavaScript it posts and
 * comes back to /mijn), with JavaScript a fetcher: the card goes at once, the focus moves to
 * the next card (or the heading) and a polite status says it is hidden. Nothing when there is
 * nothing to suggest.
 */
export function SuggestionsPanel({ suggestions }: { suggestions: SuggestionsPanelData }) {
  const { t, i18n } = useTranslation('suggestions')
  const [searchParams] = useSearchParams()
  const [hidden, setHidden] = useState<string[]>([])
  const [announcement, setAnnouncement] = useState('')
  const focusIndex = useRef<number | null>(null)
  const sectionHeading = useRef<HTMLHeadingElement>(null)
  const cardHeadings = useRef(new Map<string, HTMLHeadingElement>())
  const visible = suggestions.shown.filter((s) => !hidden.includes(s.key))
  const visibleKeys = visible.map((s) => s.key).join(' ')

  // After a card went: the card now in its place, else the last one, else the section's heading.
  useEffect(() => {
    if (focusIndex.current === null) return
    const keys = visibleKeys ? visibleKeys.split(' ') : []
    const next = keys[Math.min(focusIndex.current, keys.length - 1)]
    focusIndex.current = null
    ;(next ? cardHeadings.current.get(next) : sectionHeading.current)?.focus()
  }, [visibleKeys])

  const status = announcement || (searchParams.get(DISMISSED_PARAM) === '1' ? t('hidden') : '')
  if (suggestions.shown.length === 0 && !status) return null

  const hide = (suggestion: Suggestion, title: string) => {
    focusIndex.current = visible.findIndex((s) => s.key === suggestion.key)
    setHidden((keys) => [...keys, suggestion.key])
    setAnnouncement(t('hiddenOne', { title }))
  }

  return (
    <section id={SUGGESTIONS_ANCHOR} aria-labelledby="suggestions-heading" className="mt-10">
      <h2 id="suggestions-heading" ref={sectionHeading} tabIndex={-1} className="text-2xl">
        {t('title')}
      </h2>
      <p className="mt-2">{t('intro', { max: MAX_SHOWN_SUGGESTIONS })}</p>
      <p
        role="status"
        aria-live="polite"
        className={status ? 'mt-3 border-l-4 border-success pl-3 font-bold' : 'sr-only'}
      >
        {status}
      </p>
      {visible.length ? (
        <ul className="mt-4 space-y-4">
          {suggestions.shown.map((s) => (
            <SuggestionCard
              key={s.key}
              suggestion={s}
              hidden={hidden.includes(s.key)}
              readOnly={suggestions.readOnly}
              date={s.facts.date ? formatLocalDate(s.facts.date, i18n.language) : ''}
              headingRef={(el) => {
                if (el) cardHeadings.current.set(s.key, el)
                else cardHeadings.current.delete(s.key)
              }}
              onHide={hide}
            />
          ))}
        </ul>
      ) : (
        <p className="mt-3">{t('none')}</p>
      )}
      {suggestions.waiting > 0 ? (
        <p className="mt-3 text-muted">{t('waiting', { count: suggestions.waiting })}</p>
      ) : null}
    </section>
  )
}

function SuggestionCard({
  suggestion,
  hidden,
  readOnly,
  date,
  headingRef,
  onHide,
}: {
  suggestion: Suggestion
  hidden: boolean
  readOnly: boolean
  date: string
  headingRef: (el: HTMLHeadingElement | null) => void
  onHide: (suggestion: Suggestion, title: string) => void
}) {
  const { t } = useTranslation('suggestions')
  // Mounted while hidden, so its fetcher finishes; the page's data then drops it.
  const fetcher = useFetcher<{ ok: boolean }>()
  // refused after all (no longer suggested, say): it shows again until the page's data drops it
  const refused = fetcher.state === 'idle' && fetcher.data?.ok === false
  if (hidden && !refused) return null

  const { kind, facts, variant } = suggestion
  const title = t(`${kind}.title`)
  const headingId = `suggestion-${kind}`
  return (
    <li className="border-2 border-line p-4">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-xl">
        {title}
      </h3>
      <p className="mt-2">
        {t(variant ? `${kind}.why_${variant}` : `${kind}.why`, {
          date,
          street: facts.street ?? '',
          age: facts.age ?? '',
          reference: facts.reference ?? '',
        })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-3">
        <Link to={suggestion.href} className="font-bold">
          {t(variant ? `${kind}.action_${variant}` : `${kind}.action`)}
        </Link>
        {readOnly ? null : (
          <form
            method="post"
            action={DISMISS_ACTION}
            onSubmit={(event) => {
              // With JavaScript: the same form through a fetcher, which asks for JSON instead of a redirect.
              event.preventDefault()
              const data = new FormData(event.currentTarget)
              data.set('fetcher', '1')
              onHide(suggestion, title)
              fetcher.submit(data, { method: 'post', action: DISMISS_ACTION })
            }}
          >
            <input type="hidden" name="key" value={suggestion.key} />
            <button type="submit" className="btn-secondary">
              {t('dismiss')}
              <span className="sr-only">: {title}</span>
            </button>
          </form>
        )}
      </div>
    </li>
  )
}
