import { useTranslation } from 'react-i18next'
import type { AddedBy, CaseDocumentItem } from '~/domain/documents'

/** "240 kB", "1,4 MB": a file size as people read it. */
export function fileSize(bytes: number, language: string): string {
  const n = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })
  const kb = bytes / 1024
  return kb < 1024 ? `${n.format(Math.max(kb, 0.1))} kB` : `${n.format(kb / 1024)} MB`
}

/**
 * A case's documents and letters: each with its kind, day, size and who added it, and a link
 * to download it (a letter: its page and its PDF).
 */
export function DocumentList({ documents }: { documents: readonly CaseDocumentItem[] }) {
  const { t, i18n } = useTranslation('documents')
  const day = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  const who = (a: AddedBy) =>
    'name' in a ? a.name : a.by === 'municipality' ? t('common:municipality') : t(`addedBy.${a.by}`)
  if (documents.length === 0) return <p className="mt-2">{t('none')}</p>
  return (
    <ul className="mt-3 space-y-4">
      {documents.map((d) => (
        <li key={`${d.kind}-${d.id}`}>
          {d.kind === 'letter' ? (
            <a href={d.href} lang={d.language} className={d.unread ? 'font-bold' : undefined}>
              {d.title}
            </a>
          ) : (
            <a href={d.href} download className="font-bold">
              {d.title}
            </a>
          )}
          {d.unread ? <span className="ml-2 text-base">({t('unread')})</span> : null}
          <span className="block text-base text-muted">
            {[
              t(`kind.${d.kind}`),
              day.format(new Date(d.addedAt)),
              d.size !== null ? fileSize(d.size, i18n.language) : null,
              t('addedByLine', { who: who(d.addedBy) }),
            ]
              .filter((part): part is string => part !== null)
              .join(' · ')}
          </span>
          {d.pdfHref ? (
            <a href={d.pdfHref} className="text-base">
              {t('letterPdf', { title: d.title })}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
