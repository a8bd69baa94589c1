import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { DigidLevel } from '~/domain/digid-level'

export interface StepUpExplanationProps {
  current: DigidLevel
  wanted: DigidLevel
  /** where the visitor was going; also where DigiD brings them back */
  returnTo: string
  /** which page asks for the level, when it has a name of its own */
  page: 'mydata' | null
}

/**
 * Before a Basis session goes to DigiD for a page that needs Midden (or higher): why, in plain
 * words, with a button to go on and a way back. A real form, so it works without JavaScript;
 * the POST starts the login (app/routes/inloggen+/_index.tsx).
 */
export function StepUpExplanation({ current, wanted, returnTo, page }: StepUpExplanationProps) {
  const { t } = useTranslation('auth')
  const pageName = t(`stepUp.pages.${page ?? 'this'}`)
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('stepUp.heading')}</h1>
      <p className="mt-4 text-xl">
        {t('stepUp.why', { page: pageName, means: t(`stepUp.means.${wanted}`), level: t(`levels.${wanted}`) })}
      </p>
      <p className="mt-4">
        {t('stepUp.now', { means: t(`stepUp.nowMeans.${current}`), level: t(`levels.${current}`) })}
      </p>
      <p className="mt-4">{t('stepUp.next', { page: pageName })}</p>
      <form method="post" action="/inloggen" className="mt-8 flex flex-wrap items-center gap-6">
        <input type="hidden" name="terug" value={returnTo} />
        <input type="hidden" name="niveau" value={wanted} />
        <button type="submit" className="btn-primary">
          {t('stepUp.continue')}
        </button>
        <Link to="/mijn">{t('stepUp.back')}</Link>
      </form>
    </div>
  )
}
