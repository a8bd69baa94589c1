import { useTranslation } from 'react-i18next'

export interface MoveResidentsProps {
  residents: Array<{ name: string; age: number }>
  signals: { countAfter: number; crowded: boolean; elderlyAlone: boolean }
  /** MOVE_RESIDENTS_WARNING: the most people at one address before the screen warns */
  residentsWarning: number
  movingIn: number
  headingLevel?: 2 | 3
}

/**
 * Who lives at the new address now (names and ages as the BRP shows them, never a BSN), and what
 * the caseworker should look at before approving: more people than the configured number after
 * the move, or an elderly person living alone. A warning is a word, an icon and a border, not
 * colour alone.
 */
export function MoveResidents({
  residents,
  signals,
  residentsWarning,
  movingIn,
  headingLevel = 2,
}: MoveResidentsProps) {
  const { t } = useTranslation('moves')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const warnings = [
    signals.crowded ? t('staff.crowded', { count: signals.countAfter, max: residentsWarning }) : null,
    signals.elderlyAlone && residents[0] ? t('staff.elderlyAlone', { age: residents[0].age, count: movingIn }) : null,
  ].filter((w): w is string => w !== null)
  return (
    <section aria-labelledby="residents-heading" className="mt-8">
      <Heading id="residents-heading" className="text-2xl">
        {t('staff.residentsHeading')}
      </Heading>
      <p className="mt-1 text-base text-muted">{t('staff.residentsLead')}</p>
      {residents.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {residents.map((r, i) => (
            <li key={i}>{t('staff.resident', { name: r.name, age: r.age })}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">{t('staff.residentsNone')}</p>
      )}
      <p className="mt-2">{t('staff.countAfter', { count: signals.countAfter })}</p>
      {warnings.length ? (
        <div className="mt-4 border-l-8 border-warning bg-surface p-4" role="note" aria-labelledby="residents-warning">
          <p id="residents-warning" className="flex items-center gap-2 font-bold">
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 16 16" className="shrink-0 text-warning">
              <path d="M8 1l7 14H1z" fill="currentColor" />
              <path d="M8 6v4M8 11.5v1.5" stroke="#fff" strokeWidth="1.8" />
            </svg>
            {t('staff.warningHeading')}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
