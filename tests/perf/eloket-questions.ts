/**
 * The figure "questions a citizen answers vs the fields the service needs", per e-loket service,
 * for a resident like the demo's Jan (address, household, phone and an earlier permit's plate
 * known) on a typical way through each form. `npx tsx tests/perf/eloket-questions.ts`
 */
import { mergeAnswers, questionCounts, SERVICES } from '../../app/domain/eloket/engine'
import type { Answers } from '../../app/domain/eloket/form'
import { contextOf } from '../unit/eloket-fixtures'

const ctx = contextOf()
const typical: Record<string, Answers> = {
  parkeervergunning: { carOwner: 'own', startDate: '2026-03-10' },
  wmo: { helpWith: ['household'], description: 'Schoonmaken lukt niet meer.', informalCare: 'no' },
  'bijzondere-bijstand': {
    costType: 'glasses',
    amount: '25000',
    costDate: '2026-02-20',
    income: 'below-1000',
    quote: '1',
  },
  subsidie: {
    initiativeName: 'Buurtfeest',
    plan: 'Een feest voor de straat.',
    activityDate: '2026-06-21',
    amount: '75000',
    budget: '1',
    organisation: 'no',
  },
  afval: { request: 'container', containerType: 'gft', containerReason: 'household' },
  'uittreksel-brp': { extractKind: 'current', forWhom: 'self', extractLanguage: 'nl', copies: '1' },
}

const rows = SERVICES.map((service) => {
  const answers = mergeAnswers(service, {}, typical[service.code] ?? {}, ctx)
  const { asked, known } = questionCounts(service, answers, ctx)
  return { service: service.code, asked, known, needed: asked + known }
})
console.log('service               asked  known  needed')
for (const r of rows)
  console.log(
    `${r.service.padEnd(22)}${String(r.asked).padStart(5)}${String(r.known).padStart(7)}${String(r.needed).padStart(8)}`,
  )
