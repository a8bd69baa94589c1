import type { QualityLine, QualityReport } from './report.server'
import { toCsv, type CsvCell } from '~/domain/quality-csv'

type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * The report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the accents):
 * a header row, then the total, each channel, each case type and each channel × case type,
 * and the questions per channel (app/services/quality/questions.server.ts).
 * Only counts and shares: no BSN, no names, no case references.
 */
export function qualityReportCsv(
  report: QualityReport,
  { t, questions = [] }: { t: Translate; questions?: readonly QualityLine[] },
): string {
  const header = [
    'period',
    'channel',
    'caseType',
    'received',
    'ackSettled',
    'ackInTime',
    'ackPercent',
    'ackTarget',
    'ackVerdict',
    'decisionSettled',
    'decisionInTime',
    'decisionPercent',
    'decisionTarget',
    'decisionVerdict',
    'decided',
    'medianLeadDays',
    'openOverdue',
  ].map((key) => t(`quality:csv.${key}`))
  const row = (channel: string, caseType: string, l: QualityLine): CsvCell[] => [
    report.period.key,
    channel,
    caseType,
    l.received,
    l.acknowledgement.tally.settled,
    l.acknowledgement.tally.inTime,
    l.acknowledgement.percent,
    l.acknowledgement.targetPercent,
    t(`quality:verdict.${l.acknowledgement.verdict}`),
    l.decision.tally.settled,
    l.decision.tally.inTime,
    l.decision.percent,
    l.decision.targetPercent,
    t(`quality:verdict.${l.decision.verdict}`),
    l.decided,
    l.medianLeadDays,
    l.openOverdue,
  ]
  const allChannels = t('quality:channels.total')
  const allTypes = t('quality:csv.allCaseTypes')
  return (
    '\uFEFF' +
    toCsv([
      header,
      row(allChannels, allTypes, report.total),
      ...report.byChannel.map((l) => row(t(`quality:channels.${l.key}`), allTypes, l)),
      ...report.byCaseType.map((l) => row(allChannels, l.label, l)),
      ...report.byChannelAndCaseType.map((l) => row(t(`quality:channels.${l.channel}`), l.label, l)),
      // Questions per channel: their answer within its term is in the decision columns.
      ...questions.map((l) => row(t(`quality:channels.${l.key}`), t('contact:quality.csvKind'), l)),
    ])
  )
}
