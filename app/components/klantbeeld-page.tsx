import { useTranslation } from 'react-i18next'
import { ContactFilterForm, ContactPager, ContactTimeline, type TimelineEntry } from '~/components/contact-timeline'
import type { ContactFilter, ContactPeriod } from '~/domain/contact-history'

export interface KlantbeeldData {
  name: string
  via: 'search' | 'question' | 'case'
  reference: string | null
  entries: TimelineEntry[]
  filter: ContactFilter
  period: ContactPeriod
  action: string
  hidden?: Record<string, string>
  nextHref: string | null
  firstHref: string | null
}

/** The klantbeeld (app/services/contacts/klantbeeld.server.ts): one citizen's contacts, internal entries marked. */
export function KlantbeeldPage(data: KlantbeeldData) {
  const { t } = useTranslation('contact')
  return (
    <div className="prose-width space-y-8">
      <div>
        <h1 className="text-3xl md:text-4xl">{t('staff.heading', { name: data.name })}</h1>
        <p className="mt-3">
          {data.reference ? t(`staff.via.${data.via}`, { reference: data.reference }) : t('staff.via.search')}
        </p>
        <p className="mt-2 text-base text-muted">{t('staff.audited')}</p>
      </div>
      <ContactFilterForm action={data.action} filter={data.filter} period={data.period} hidden={data.hidden} />
      <ContactTimeline entries={data.entries} side="staff" />
      <ContactPager nextHref={data.nextHref} firstHref={data.firstHref} />
    </div>
  )
}
