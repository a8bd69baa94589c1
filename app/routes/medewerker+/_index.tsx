import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CasesAtRisk } from '~/components/cases-at-risk'
import { QuestionsToday } from '~/components/questions-today'
import { requireStaff } from '~/services/auth/guards.server'
import { getLanguage, i18next } from '~/services/i18n.server'
import { inboxCounts } from '~/services/questions/staff/inbox.server'
import { getStaffToday } from '~/services/staff-today.server'

/** The staff start page: "what is mine today?" for each role the employee holds. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request)
  const t = await i18next.getFixedT(request, 'auth')
  const today = await getStaffToday(staff, await getLanguage(request))
  const questions = staff.roles.includes('kcc') ? await inboxCounts(staff) : null
  return json({ title: t('staffStart.title'), name: staff.name, roles: staff.roles, today, questions })
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'Mijn Stad' }]
export const handle = { i18n: ['kcc'] }

export default function StaffStart() {
  const { name, roles, today, questions } = useLoaderData<typeof loader>()
  const { t } = useTranslation('auth')
  return (
    <div className="prose-width space-y-10">
      <div>
        <h1 className="text-3xl md:text-4xl">{t('staffStart.heading')}</h1>
        <p className="mt-4 text-xl">{t('staffStart.welcome', { name })}</p>
      </div>
      {questions ? <QuestionsToday counts={questions} /> : null}
      {today.caseworker ? <CaseworkerToday today={today.caseworker} /> : null}
      {today.support ? <SupportToday today={today.support} /> : null}
      {today.manager ? <ManagerToday today={today.manager} /> : null}
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="text-2xl">
          {t('staffStart.rolesHeading')}
        </h2>
        {roles.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {roles.map((role) => (
              <li key={role}>{t(`staffStart.roles.${role}`)}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('staffStart.noRoles')}</p>
        )}
      </section>
    </div>
  )
}

type Today = ReturnType<typeof useLoaderData<typeof loader>>['today']

function LinkList({ items }: { items: Array<{ to: string; label: string }> }) {
  return (
    <ul className="mt-3 list-none space-y-2 p-0">
      {items.map((item) => (
        <li key={item.to}>
          <Link to={item.to} className="text-lg font-bold">
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  )
}

/**
 * A caseworker's own cases at risk and overdue first; then what citizens sent (answers to a
 * request for information, messages waiting for an answer); then the shared lists.
 */
function CaseworkerToday({ today }: { today: NonNullable<Today['caseworker']> }) {
  const { t } = useTranslation('staff')
  return (
    <>
      <CasesAtRisk cases={today.atRisk.cases} withinWorkingDays={today.atRisk.withinWorkingDays} />
      <section aria-labelledby="caseworker-citizens">
        <h2 id="caseworker-citizens" className="text-2xl">
          {t('start.caseworker.citizens')}
        </h2>
        <LinkList
          items={[
            {
              to: '/medewerker/zaken?ontvangen=1',
              label: t('start.caseworker.received', { count: today.informationReceived }),
            },
            {
              to: '/medewerker/berichten',
              label: [
                t('start.caseworker.messagesWaiting', { count: today.messagesWaiting }),
                today.messagesLate > 0 ? t('start.caseworker.messagesLate', { count: today.messagesLate }) : null,
              ]
                .filter(Boolean)
                .join(', '),
            },
          ]}
        />
      </section>
      <section aria-labelledby="caseworker-waiting">
        <h2 id="caseworker-waiting" className="text-2xl">
          {t('start.caseworker.waiting')}
        </h2>
        <LinkList
          items={[
            { to: '/medewerker/verhuizingen', label: t('start.caseworker.moves', { count: today.movesToCheck }) },
            {
              to: '/medewerker/correcties',
              label: t('start.caseworker.corrections', { count: today.correctionsToDecide }),
            },
            { to: '/medewerker/post', label: t('start.caseworker.letters', { count: today.lettersToPrint }) },
            { to: '/medewerker/zaken/nieuw', label: t('start.caseworker.register') },
          ]}
        />
      </section>
    </>
  )
}

function SupportToday({ today }: { today: NonNullable<Today['support']> }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="support-today">
      <h2 id="support-today" className="text-2xl">
        {t('start.support.heading')}
      </h2>
      <p className="mt-3">{t('start.support.lead')}</p>
      <p className="mt-2">{t('start.support.viewings', { count: today.viewingsToday })}</p>
      <LinkList items={[{ to: '/medewerker/burgers', label: t('start.support.find') }]} />
    </section>
  )
}

function ManagerToday({ today }: { today: NonNullable<Today['manager']> }) {
  const { t } = useTranslation('staff')
  return (
    <section aria-labelledby="manager-today">
      <h2 id="manager-today" className="text-2xl">
        {t('start.manager.heading')}
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        <li>{t('start.manager.overdue', { count: today.overdue })}</li>
        <li>{t('start.manager.atRisk', { count: today.atRisk })}</li>
        <li>{t('start.manager.viewings', { count: today.viewingsThisWeek })}</li>
      </ul>
      <LinkList
        items={[
          { to: '/medewerker/kwaliteit', label: t('start.manager.quality') },
          { to: '/medewerker/zaken?alle=1', label: t('start.manager.allCases') },
          { to: '/medewerker/meekijken', label: t('start.manager.review') },
        ]}
      />
    </section>
  )
}
