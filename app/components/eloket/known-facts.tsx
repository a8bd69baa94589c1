import { useTranslation } from 'react-i18next'
import { SummaryList } from '~/components/summary-list'
import type { KnownFactRow } from '~/domain/eloket/engine'
import type { Language } from '~/domain/language'
import { usePageText } from './use-text'

/**
 * "Dit weten wij al van u": what the municipality already holds and will not ask again, each
 * with a "Klopt dit niet?" link to where it is corrected. Nothing when nothing is known.
 */
export function KnownFacts({
  facts,
  lang,
  headingLevel = 2,
}: {
  facts: KnownFactRow[]
  lang?: Language
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation('eloket')
  const { lang: language, pick } = usePageText(lang)
  if (facts.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="known-facts-title" className="mb-8">
      <Heading id="known-facts-title" className="text-2xl">
        {t('engine.knownTitle', { lng: language })}
      </Heading>
      <p className="prose-width">{t('engine.knownIntro', { lng: language })}</p>
      <SummaryList
        rows={facts.map((fact) => ({
          key: pick(fact.label),
          value: pick(fact.value),
          action: (
            <a href={fact.correctHref}>
              {t('engine.notRight', { lng: language })}
              <span className="sr-only"> ({pick(fact.label).toLocaleLowerCase(language)})</span>
            </a>
          ),
        }))}
      />
    </section>
  )
}
