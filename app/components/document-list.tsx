import { useTranslation } from 'react-i18next'

export interface DocumentListItem {
  id: string
  kind: 'application' | 'attachment' | 'decision' | 'answer' | 'objection'
  title: string
  size: number
  /** ISO instant, as it arrives from a loader. */
  addedAt: string
}

/** "240 kB", "1,4 MB": a file size as people read it. */
export function fileSize(bytes: number, language: string): string {
  const n = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })
  const kb = bytes / 1024
  return kb < 1024 ? `${n.format(Math.max(kb, 0.1))} kB` : `${n.format(kb / 1024)} MB`
}

/** A case's documents as download links, each with its kind, size and day added. */
export function DocumentList({ documents, href }: { documents: DocumentListItem[]; href: (id: string) => string }) {
  const { t, i18n } = useTranslation('objections')
  const day = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  if (documents.length === 0) return <p className="mt-2">{t('documents.none')}</p>
  return (
    <ul className="mt-3 space-y-3">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={href(d.id)} download className="font-bold">
            {d.title}
          </a>
          <span className="block text-base text-muted">
            {t(`documents.kind.${d.kind}`)}, {fileSize(d.size, i18n.language)},{' '}
            {t('documents.added', { date: day.format(new Date(d.addedAt)) })}
          </span>
        </li>
      ))}
    </ul>
  )
}
