import { caseTypes } from '../../db/seed/case-types'
import { fullName, personaByKey } from '../../db/seed/personas'
import { employees } from '../../db/seed/staff'
import { type CaseEvent, type CaseTypeRules, type DecisionContent, type Outcome } from '~/domain/case-terms'
import { deriveCaseState } from '~/domain/case-history'
import type { LetterContext, MunicipalityDetails, ObjectedDecision } from '~/domain/letters'
import type { LetterLanguage } from '~/domain/letters-format'
import type { LocalDate } from '~/domain/local-date'
import { createHolidayCalendar } from '~/domain/working-days'

/** Letter fixtures shared by the unit tests and the benchmark: the demo catalogue and people. */

export const calendar = createHolidayCalendar()

export const municipality: MunicipalityDetails = {
  name: { nl: 'Gemeente Groningen', en: 'Municipality of Groningen' },
  postalAddress: ['Postbus 30026', '9700 RM Groningen'],
  phone: '14 050',
  website: 'gemeente.groningen.nl',
  board: { nl: 'het college van burgemeester en wethouders van Groningen', en: 'the Municipal Executive of Groningen' },
  court: {
    name: { nl: 'rechtbank Noord-Nederland', en: 'District Court of the Northern Netherlands' },
    website: 'www.rechtspraak.nl',
  },
}

const noon = (date: LocalDate) => new Date(`${date}T12:00:00Z`)

export const events = {
  received: (on: LocalDate, receivedOn: LocalDate = on, termFrom?: LocalDate): CaseEvent => ({
    seq: 0,
    type: 'received',
    occurredAt: noon(on),
    payload: termFrom ? { receivedOn, channel: 'internet', termFrom } : { receivedOn, channel: 'internet' },
  }),
  extended: (on: LocalDate, reason: string): CaseEvent => ({
    seq: 0,
    type: 'extended',
    occurredAt: noon(on),
    payload: { reason },
  }),
  suspended: (on: LocalDate, information: string, respondBy: LocalDate): CaseEvent => ({
    seq: 0,
    type: 'suspended',
    occurredAt: noon(on),
    payload: { information, respondBy },
  }),
  decided: (on: LocalDate, outcome: Outcome, content: Omit<DecisionContent, 'outcome'> = {}): CaseEvent => ({
    seq: 0,
    type: 'decided',
    occurredAt: noon(on),
    payload: { outcome, ...content },
  }),
  informationReceived: (on: LocalDate, answer?: string): CaseEvent => ({
    seq: 0,
    type: 'information_received',
    occurredAt: noon(on),
    payload: answer ? { channel: 'internet', answer } : { channel: 'internet' },
  }),
  stepReached: (on: LocalDate, step: string): CaseEvent => ({
    seq: 0,
    type: 'step_reached',
    occurredAt: noon(on),
    payload: { step },
  }),
}

export function rulesOf(caseTypeCode: string): CaseTypeRules {
  const type = caseTypes.find((t) => t.code === caseTypeCode)
  if (!type) throw new Error(`no case type ${caseTypeCode}`)
  return {
    code: type.code,
    leadTime: { amount: type.lead_time_amount, unit: type.lead_time_unit },
    extension:
      type.extension_amount && type.extension_unit
        ? { amount: type.extension_amount, unit: type.extension_unit }
        : null,
    suspensionAllowed: type.suspension_allowed ?? true,
    steps: type.steps.map((s) => ({ code: s.code, final: !!s.final })),
  }
}

export interface LetterFixture {
  caseTypeCode?: string
  subject?: string
  history: CaseEvent[]
  letterDate: LocalDate
  language?: LetterLanguage
  persona?: string
  contact?: boolean
  /** For an objection's case: the decision it is against. */
  objection?: ObjectedDecision
}

/** The context the letters service would build for the last event of `history`. */
export function letterContext({
  caseTypeCode = 'omgevingsvergunning',
  subject = 'Dakkapel aan de achterkant',
  history,
  letterDate,
  language = 'nl',
  persona = 'jan',
  contact = true,
  objection,
}: LetterFixture): LetterContext {
  const type = caseTypes.find((t) => t.code === caseTypeCode)
  if (!type) throw new Error(`no case type ${caseTypeCode}`)
  const numbered = history.map((event, index) => ({ ...event, seq: index + 1 }))
  const employee = employees.find((e) => e.id === type.default_contact_id)
  const p = personaByKey(persona)
  return {
    event: numbered[numbered.length - 1],
    state: deriveCaseState(rulesOf(caseTypeCode), numbered, letterDate, calendar),
    case: {
      reference: 'Z-2026-000123',
      subject,
      caseTypeCode,
      caseTypeName: { nl: type.name_nl, en: type.name_en },
      department: type.department,
      steps: type.steps.map((s) => ({
        code: s.code,
        name: { nl: s.name_nl, en: s.name_en },
        explanation: { nl: s.explanation_nl, en: s.explanation_en },
      })),
      contact: contact && employee ? { name: employee.name, phone: employee.phone } : null,
      caseUrl: 'https://mijn.groningen.example/mijn/zaken/Z-2026-000123',
      personalDataUrl: 'https://mijn.groningen.example/mijn/gegevens',
      objection,
    },
    recipient: {
      name: fullName(p),
      addressLines: [`${p.address.street} ${p.address.number}`, '9711 NR Groningen'],
      language,
    },
    letterDate,
    municipality,
    calendar,
  }
}
