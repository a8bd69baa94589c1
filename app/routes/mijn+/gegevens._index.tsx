import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DateText, formatLocalDate } from '~/components/date-text'
import { SummaryList, type SummaryRow } from '~/components/summary-list'
import { requireCitizen } from '~/services/auth/guards.server'
import { getFixedT } from '~/services/i18n.server'
import { getPersonView, type DataSource } from '~/services/requests/my-data.server'
import { PersonNotFound } from '~/services/requests/kernel.server'
import { notFound } from '~/responses'

/**
 * "Mijn gegevens": what does the municipality hold on me, and is it right? Needs DigiD
 * Midden (the BRP data are behind it; a lower level is stepped up by requireCitizen). Every view is audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const citizen = await requireCitizen(request, { level: 'midden' })
  const t = await getFixedT(request)
  try {
    const person = await getPersonView(citizen)
    return json({ person, readOnly: Boolean(citizen.impersonatedBy), title: t('mydata:overview.title') })
  } catch (error) {
    if (error instanceof PersonNotFound) throw notFound()
    throw error
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn gegevens' }]
export const handle = { i18n: ['mydata', 'moves'] }

function Source({ source, date }: { source: DataSource; date: string }) {
  const { t } = useTranslation('mydata')
  return (
    <p className="mt-2 text-base text-muted">
      {t('common.source')}: {t(`common.sources.${source}`)}. {t('common.updated')}: <DateText date={date} />.
    </p>
  )
}

function Group({
  id,
  heading,
  children,
  source,
  date,
  correct,
}: {
  id: string
  heading: string
  children: ReactNode
  source?: DataSource
  date?: string
  correct?: string
}) {
  const { t } = useTranslation('mydata')
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-2xl">
        {heading}
      </h2>
      <div className="mt-3">{children}</div>
      {source && date ? <Source source={source} date={date} /> : null}
      {correct ? (
        <p className="mt-1 text-base">
          {t('overview.correctThis')}{' '}
          <Link to={`/mijn/gegevens/correctie?gegeven=${correct}`}>
            {t('overview.correctionLink')}
            <span className="sr-only">: {heading}</span>
          </Link>
        </p>
      ) : null}
    </section>
  )
}

export default function MyData() {
  const { person, readOnly } = useLoaderData<typeof loader>()
  const { t, i18n } = useTranslation('mydata')
  const { t: tm } = useTranslation('moves')
  const pendingMove = person.pendingMove
  const none = <span className="text-muted">{t('common.none')}</span>
  const nameRows: SummaryRow[] = [
    { key: t('overview.givenNames'), value: person.name.value.givenNames },
    ...(person.name.value.namePrefix ? [{ key: t('overview.namePrefix'), value: person.name.value.namePrefix }] : []),
    { key: t('overview.surname'), value: person.name.value.surname },
  ]
  const contact = person.contact.value
  return (
    <div className="prose-width">
      <h1 className="text-3xl md:text-4xl">{t('overview.heading')}</h1>
      <p className="mt-3">{t('overview.lead')}</p>
      {readOnly ? <p className="mt-3 border-l-4 border-info pl-3">{t('common.readOnly')}</p> : null}

      <nav aria-labelledby="actions-heading" className="mt-6 border-2 border-line p-4">
        <h2 id="actions-heading" className="text-xl">
          {t('overview.actionsHeading')}
        </h2>
        <ul className="mt-2 space-y-1">
          <li>
            <Link to="/mijn/gegevens/verhuizen" className="inline-block py-1">
              {t('overview.moveLink')}
            </Link>
          </li>
          <li>
            <Link to="/mijn/gegevens/correctie" className="inline-block py-1">
              {t('overview.correctionLink')}
            </Link>
          </li>
          <li>
            <Link to="/mijn/voorkeuren" className="inline-block py-1">
              {t('overview.contactLink')}
            </Link>
          </li>
        </ul>
        {person.openRequests.moves > 0 ? <p className="mt-3 text-base">{t('overview.openMove')}</p> : null}
        {person.openRequests.corrections > 0 ? <p className="mt-1 text-base">{t('overview.openCorrection')}</p> : null}
      </nav>

      {/* AVG art. 15 and 20: the citizen's own copy of everything (mijn.gegevens.downloaden). */}
      <section aria-labelledby="download-heading" className="mt-6">
        <h2 id="download-heading" className="text-xl">
          {t('export:block.heading')}
        </h2>
        <p className="mt-1">{t('export:block.text')}</p>
        <p className="mt-1">
          {/* A document load: to a support employee looking along that page answers 403 with its reason. */}
          <Link to="/mijn/gegevens/downloaden" reloadDocument>
            {t('export:block.link')}
          </Link>
        </p>
      </section>

      <Group
        id="name-heading"
        heading={t('overview.nameHeading')}
        source={person.name.source}
        date={person.name.updatedOn}
        correct="surname"
      >
        <SummaryList rows={nameRows} />
      </Group>

      <Group
        id="birth-heading"
        heading={t('overview.birthHeading')}
        source={person.birth.source}
        date={person.birth.updatedOn}
        correct="birth_date"
      >
        <SummaryList
          rows={[
            { key: t('overview.birthDate'), value: <DateText date={person.birth.value.date} /> },
            { key: t('overview.birthPlace'), value: person.birth.value.place },
            { key: t('overview.birthCountry'), value: person.birth.value.country },
          ]}
        />
      </Group>

      <Group
        id="nationality-heading"
        heading={t('overview.nationalityHeading')}
        source={person.nationality.source}
        date={person.nationality.updatedOn}
        correct="nationality"
      >
        <SummaryList rows={[{ key: t('overview.nationality'), value: person.nationality.value }]} />
      </Group>

      <Group
        id="address-heading"
        heading={t('overview.addressHeading')}
        source={person.address?.source}
        date={person.address?.updatedOn}
      >
        {person.address ? (
          <>
            <SummaryList
              rows={[
                { key: t('overview.currentAddress'), value: person.address.value.address.oneLine },
                {
                  key: t('overview.since'),
                  value: person.address.value.since ? <DateText date={person.address.value.since} /> : none,
                },
                // Wet BRP art. 2.39: an approved move takes effect on its date; until then it is "from".
                ...(pendingMove?.state === 'scheduled'
                  ? [
                      {
                        key: tm('myData.newAddressFrom', {
                          date: formatLocalDate(pendingMove.moveDate, i18n.language),
                        }),
                        value: (
                          <>
                            {pendingMove.address.oneLine}
                            {pendingMove.reportedBy ? (
                              <span className="block text-base text-muted">
                                {tm('myData.reportedByOther', { name: pendingMove.reportedBy })}
                              </span>
                            ) : null}
                            <Link to={`/mijn/zaken/${pendingMove.caseId}`} className="block text-base">
                              {tm('myData.viewMove')}
                            </Link>
                          </>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {person.address.value.inResearch ? <p className="mt-2 font-bold">{t('overview.inResearch')}</p> : null}
          </>
        ) : (
          <p>{t('overview.noAddress')}</p>
        )}
        {pendingMove && pendingMove.state !== 'scheduled' ? (
          <p className="mt-3 border-l-4 border-info pl-3">
            {pendingMove.reportedBy
              ? tm('myData.pendingOther', {
                  name: pendingMove.reportedBy,
                  address: pendingMove.address.oneLine,
                  date: formatLocalDate(pendingMove.moveDate, i18n.language),
                })
              : tm('myData.pendingOwn', {
                  address: pendingMove.address.oneLine,
                  date: formatLocalDate(pendingMove.moveDate, i18n.language),
                })}{' '}
            {pendingMove.state === 'investigating' ? tm('myData.investigating') : null}{' '}
            <Link to={`/mijn/zaken/${pendingMove.caseId}`}>{tm('myData.viewMove')}</Link>
          </p>
        ) : null}
        <h3 className="mt-6 text-xl">{t('overview.historyHeading')}</h3>
        {person.addressHistory.length > 1 ? (
          <ul className="mt-2 space-y-2">
            {person.addressHistory.map((h) => (
              <li key={`${h.address.id}-${h.from}`}>
                {h.address.oneLine}
                <br />
                <span className="text-base text-muted">
                  {h.to ? (
                    <>
                      <DateText date={h.from} /> – <DateText date={h.to} />
                    </>
                  ) : (
                    t('overview.historyCurrent', { from: formatLocalDate(h.from, i18n.language) })
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('overview.noHistory')}</p>
        )}
      </Group>

      <Group
        id="household-heading"
        heading={t('overview.householdHeading')}
        source="brp"
        date={person.household[0]?.updatedOn ?? person.name.updatedOn}
      >
        {person.household.length ? (
          <SummaryList
            rows={person.household.map((m) => ({
              key: t(`overview.relation.${m.value.relation}`),
              value: (
                <>
                  {m.value.name}
                  <br />
                  <span className="text-base text-muted">
                    {t('overview.bornOn', { date: formatLocalDate(m.value.birthDate, i18n.language) })},{' '}
                    {m.value.livesWithYou ? t('overview.livesWithYou') : t('overview.livesElsewhere')}
                  </span>
                </>
              ),
            }))}
          />
        ) : (
          <p>{t('overview.noHousehold')}</p>
        )}
      </Group>

      <Group
        id="contact-heading"
        heading={t('overview.contactHeading')}
        source={person.contact.source}
        date={person.contact.updatedOn}
      >
        <SummaryList
          rows={[
            {
              key: t('overview.email'),
              value: (
                <>
                  {contact.email ?? none}
                  {contact.pendingEmail ? (
                    <p className="m-0 text-base">{t('overview.emailPending', { email: contact.pendingEmail })}</p>
                  ) : null}
                </>
              ),
            },
            { key: t('overview.phone'), value: contact.phone ?? none },
            { key: t('overview.letterChannel'), value: t(`channel.${contact.letterChannel}`) },
            {
              key: t('overview.language'),
              value: <span lang={contact.language}>{t(`languages.${contact.language}`)}</span>,
            },
          ]}
        />
        <p className="mt-3">
          <Link to="/mijn/voorkeuren">{t('overview.contactLink')}</Link>
        </p>
      </Group>
    </div>
  )
}
