import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'

export interface ThreadMessage {
  id: string
  /** who wrote it, as the reader should see it ("U", "Mirjam Kuipers, gemeente") */
  author: string
  /** the municipality's side, drawn to the other side of the thread */
  fromMunicipality: boolean
  body: string
  sentOn: string
  sentTime: string
  /** tags after the author: "Nieuw", "Ontvangstbevestiging", a term */
  tags?: ReactNode
}

/**
 * A conversation on a case, oldest first: each message with who wrote it and when, the text as
 * it was typed (line breaks kept, never HTML). The last one has an id, so a link can land on it.
 */
export function MessageThread({ messages, label }: { messages: ThreadMessage[]; label: string }) {
  const { t, i18n } = useTranslation('messages')
  return (
    <ol aria-label={label} className="space-y-4">
      {messages.map((m, i) => (
        <li
          key={m.id}
          id={i === messages.length - 1 ? 'laatste-bericht' : undefined}
          className={`border-l-8 bg-surface p-4 ${m.fromMunicipality ? 'border-brand' : 'ml-0 border-line md:ml-12'}`}
        >
          <p className="m-0 flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-bold">{m.author}</span>
            <span className="text-base text-muted">
              <time dateTime={m.sentOn}>
                {t('thread.sentAt', {
                  date: formatLocalDate(m.sentOn, i18n.language),
                  time: clockTime(m.sentTime, i18n.language),
                })}
              </time>
            </span>
            {m.tags}
          </p>
          <p className="mt-2 whitespace-pre-line break-words">{m.body}</p>
        </li>
      ))}
    </ol>
  )
}

/** "10.00" in Dutch, as times are written everywhere in the portal (17.00 uur); "10:00" in English. */
function clockTime(time: string, language: string): string {
  return language === 'en' ? time : time.replace(':', '.')
}
