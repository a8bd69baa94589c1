import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatLocalDate } from '~/components/date-text'
import { SummaryList } from '~/components/summary-list'

export interface MoveCasePanelProps {
  caseId: string
  move: {
    state: 'submitted' | 'investigating' | 'scheduled' | 'applied' | 'refused' | 'withdrawn'
    youReported: boolean
    reportedBy: string
    reportedOn: string
    address: string
    moveDate: string
    movers: string[]
    canWithdraw: boolean
    investigationSince: string | null
    decisionReason: string | null
  }
}

/**
 * The move behind a case, for everyone who moves: where to, from when, who moves and who reported
 * it, where it stands (an approved move takes effect on its date), and what they can do: the
 * declarant withdraws it before a decision; afterwards, or as a co-mover, they call.
 */
export function MoveCasePanel({ caseId, move }: MoveCasePanelProps) {
  const { t, i18n } = useTranslation('moves')
  const date = (d: string) => formatLocalDate(d, i18n.language)
  const stateText =
    move.state === 'investigating'
      ? t('case.state.investigating', { date: date(move.investigationSince ?? move.reportedOn) })
      : move.state === 'scheduled' || move.state === 'applied'
        ? t(`case.state.${move.state}`, { date: date(move.moveDate) })
        : t(`case.state.${move.state}`)
  const undecided = move.state === 'submitted' || move.state === 'investigating'
  return (
    <section aria-labelledby="move-heading" className="border-l-8 border-info bg-surface p-5">
      <h2 id="move-heading" className="text-2xl">
        {t('case.heading')}
      </h2>
      {move.youReported ? null : (
        <p className="mt-2">{t('case.forYou', { name: move.reportedBy, date: date(move.reportedOn) })}</p>
      )}
      <p className="mt-2 font-bold">{stateText}</p>
      {move.decisionReason ? <p className="mt-1">{t('case.reason', { reason: move.decisionReason })}</p> : null}
      <SummaryList
        className="mt-4"
        rows={[
          { key: t('case.newAddress'), value: move.address },
          { key: t('case.moveDate'), value: date(move.moveDate) },
          { key: t('case.movers'), value: move.movers.join(', ') },
          {
            key: t('case.reportedBy'),
            value: move.youReported
              ? t('case.reportedByYou', { date: date(move.reportedOn) })
              : t('case.reportedByOther', { name: move.reportedBy, date: date(move.reportedOn) }),
          },
        ]}
      />
      {move.canWithdraw ? (
        <p className="mt-4">
          <Link to={`/mijn/zaken/${caseId}/intrekken`} className="btn-secondary">
            {t('case.withdrawLink')}
          </Link>
        </p>
      ) : move.youReported && move.state === 'scheduled' ? (
        <p className="mt-4">{t('case.cannotWithdraw')}</p>
      ) : !move.youReported && (undecided || move.state === 'scheduled') ? (
        <p className="mt-4">{t('case.coMoverNotRight')}</p>
      ) : null}
    </section>
  )
}
