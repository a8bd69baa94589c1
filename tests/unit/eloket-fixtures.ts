import type { FormContext, Known } from '~/domain/eloket/form'

/** What the municipality knows of a resident like the demo's Jan: an address, a plate from an earlier permit. */
export function knownResident(overrides: Partial<Known> = {}): Known {
  return {
    name: 'Jan de Vries',
    birthDate: '1980-05-14',
    address: {
      lines: ['Korreweg 17-1', '9715 AB Groningen'],
      postcode: '9715AB',
      city: 'Groningen',
      since: '2019-04-01',
    },
    household: [
      { name: 'Sanne de Vries', birthDate: '1982-09-02', relation: 'partner' },
      { name: 'Lotte de Vries', birthDate: '2016-06-20', relation: 'child' },
      { name: 'Bram de Vries', birthDate: '2008-01-10', relation: 'child' },
    ],
    email: 'jan@example.nl',
    phone: '06 12345678',
    licencePlates: ['12-ABC-3'],
    cases: [{ caseType: 'parkeervergunning', open: false, receivedOn: '2025-10-27', outcome: 'approved' }],
    ...overrides,
  }
}

export function contextOf(overrides: Partial<Known> = {}, today = '2026-03-02'): FormContext {
  return { known: knownResident(overrides), today }
}
