import { useTranslation } from 'react-i18next'
import { TOPICS } from '~/domain/topics'

/**
 * The options of a topic choice (app/domain/topics.ts), labelled from the `topics` namespace,
 * after a first empty option that says what choosing nothing means ("Kies een onderwerp",
 * "Alle onderwerpen"). One list for every form that asks for a topic.
 */
export function TopicOptions({ empty }: { empty: string }) {
  const { t } = useTranslation('topics')
  return (
    <>
      <option value="">{empty}</option>
      {TOPICS.map((topic) => (
        <option key={topic} value={topic}>
          {t(`topics:${topic}.label`)}
        </option>
      ))}
    </>
  )
}
