import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The contact centre's part of the staff start page: the open questions, and how many are late or nearly. */
export function QuestionsToday({ counts }: { counts: { open: number; late: number; atRisk: number } }) {
  const { t } = useTranslation('kcc')
  return (
    <section aria-labelledby="questions-today">
      <h2 id="questions-today" className="text-2xl">
        {t('start.heading')}
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        <li>{t('start.open', { count: counts.open })}</li>
        <li>{t('start.late', { count: counts.late })}</li>
        <li>{t('start.atRisk', { count: counts.atRisk })}</li>
      </ul>
      <ul className="mt-3 list-none space-y-2 p-0">
        <li>
          <Link to="/medewerker/vragen" className="text-lg font-bold">
            {t('start.inbox')}
          </Link>
        </li>
        <li>
          <Link to="/medewerker/vragen/registreren" className="text-lg font-bold">
            {t('inbox.register')}
          </Link>
        </li>
        <li>
          <Link to="/medewerker/contacten/nieuw" className="text-lg font-bold">
            {t('inbox.recordContact')}
          </Link>
        </li>
      </ul>
    </section>
  )
}
