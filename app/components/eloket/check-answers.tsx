import { useTranslation } from 'react-i18next'
import { SummaryList } from '~/components/summary-list'
import type { ReviewRow } from '~/domain/eloket/engine'
import type { Language } from '~/domain/language'
import { usePageText } from './use-text'

function withAnders(href: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}anders=1`
}

/**
 * "Controleer uw gegevens": every answer with its question as a GOV.UK summary list, each with
 * a "Wijzigen" link back to its page (a known value: its page with `?anders=1`, to give another).
 */
export function CheckAnswers({
  rows,
  changeHref,
  lang,
}: {
  rows: ReviewRow[]
  changeHref: (pageId: string) => string
  lang?: Language
}) {
  const { t } = useTranslation('eloket')
  const { lang: language, pick } = usePageText(lang)
  return (
    <SummaryList
      rows={rows.map((row) => ({
        key: pick(row.label),
        value: <span className="whitespace-pre-line">{pick(row.value)}</span>,
        action: (
          <a href={row.known ? withAnders(changeHref(row.pageId)) : changeHref(row.pageId)}>
            {t('engine.change', { lng: language })}
            <span className="sr-only"> {pick(row.label).toLocaleLowerCase(language)}</span>
          </a>
        ),
      }))}
    />
  )
}
