/**
 * Demo personas: varied lives, valid test BSNs (eleven test). Shared by the seed, the mock DigiD's
 * persona picker and the tests, so that each refers to the same people.
 */
export interface Persona {
  bsn: string
  key: string
  given_names: string
  name_prefix: string | null
  surname: string
  gender: 'M' | 'V' | 'O'
  birth_date: string
  birth_place: string
  birth_country?: string
  nationality: string
  address: { street: string; number: number; letter?: string; addition?: string }
  moved_in_on: string
  previous?: { street: string; number: number; from: string }
  address_in_research?: boolean
  email: string | null
  phone: string | null
  letter_channel: 'digital' | 'paper'
  language: 'nl' | 'en'
  /** a line for the README and the persona picker: who this is */
  story: string
}

export const personas: Persona[] = [
  {
    key: 'jan',
    bsn: '999993653',
    given_names: 'Jan Willem',
    name_prefix: null,
    surname: 'Jansen',
    gender: 'M',
    birth_date: '1984-03-12',
    birth_place: 'Groningen',
    nationality: 'Nederlandse',
    address: { street: 'Oosterstraat', number: 12 },
    moved_in_on: '2019-06-01',
    previous: { street: 'Korreweg', number: 34, from: '2010-09-01' },
    email: 'jan.jansen@example.nl',
    phone: '06 12345678',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Woont alleen; heeft een omgevingsvergunning en een parkeervergunning lopen.',
  },
  {
    key: 'fatima',
    bsn: '999990019',
    given_names: 'Fatima',
    name_prefix: null,
    surname: 'el Amrani',
    gender: 'V',
    birth_date: '1988-11-02',
    birth_place: 'Rotterdam',
    nationality: 'Nederlandse',
    address: { street: 'Helperzoom', number: 8 },
    moved_in_on: '2015-02-14',
    email: 'fatima.elamrani@example.nl',
    phone: '06 23456789',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Getrouwd met Pieter, twee kinderen onder de 16; vraagt Wmo-ondersteuning aan.',
  },
  {
    key: 'pieter',
    bsn: '999990020',
    given_names: 'Pieter',
    name_prefix: 'de',
    surname: 'Vries',
    gender: 'M',
    birth_date: '1986-05-30',
    birth_place: 'Groningen',
    nationality: 'Nederlandse',
    address: { street: 'Helperzoom', number: 8 },
    moved_in_on: '2015-02-14',
    email: 'pieter.devries@example.nl',
    phone: '06 34567890',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Partner van Fatima; meldt een verhuizing voor het hele gezin.',
  },
  {
    key: 'noor',
    bsn: '999990032',
    given_names: 'Noor',
    name_prefix: 'de',
    surname: 'Vries',
    gender: 'V',
    birth_date: '2016-08-19',
    birth_place: 'Groningen',
    nationality: 'Nederlandse',
    address: { street: 'Helperzoom', number: 8 },
    moved_in_on: '2016-08-19',
    email: null,
    phone: null,
    letter_channel: 'digital',
    language: 'nl',
    story: 'Dochter van Fatima en Pieter (10 jaar).',
  },
  {
    key: 'daan',
    bsn: '999990044',
    given_names: 'Daan',
    name_prefix: 'de',
    surname: 'Vries',
    gender: 'M',
    birth_date: '2019-01-07',
    birth_place: 'Groningen',
    nationality: 'Nederlandse',
    address: { street: 'Helperzoom', number: 8 },
    moved_in_on: '2019-01-07',
    email: null,
    phone: null,
    letter_channel: 'digital',
    language: 'nl',
    story: 'Zoon van Fatima en Pieter (7 jaar).',
  },
  {
    key: 'anneke',
    bsn: '999990056',
    given_names: 'Anneke',
    name_prefix: null,
    surname: 'Bakker',
    gender: 'V',
    birth_date: '1970-02-21',
    birth_place: 'Assen',
    nationality: 'Nederlandse',
    address: { street: 'Paterswoldseweg', number: 31 },
    moved_in_on: '2001-04-01',
    email: 'anneke.bakker@example.nl',
    phone: '050 5771234',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Alleenstaande moeder; haar volwassen zoon Thomas woont nog thuis. Bijstandsaanvraag loopt.',
  },
  {
    key: 'thomas',
    bsn: '999990068',
    given_names: 'Thomas',
    name_prefix: null,
    surname: 'Bakker',
    gender: 'M',
    birth_date: '2004-09-15',
    birth_place: 'Groningen',
    nationality: 'Nederlandse',
    address: { street: 'Paterswoldseweg', number: 31 },
    moved_in_on: '2004-09-15',
    email: 'thomas.bakker@example.nl',
    phone: '06 45678901',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Volwassen zoon (22) die nog bij zijn moeder woont.',
  },
  {
    key: 'truus',
    bsn: '999990081',
    given_names: 'Geertruida',
    name_prefix: 'van',
    surname: 'Dijk',
    gender: 'V',
    birth_date: '1941-12-03',
    birth_place: 'Winsum',
    nationality: 'Nederlandse',
    address: { street: 'Oude Ebbingestraat', number: 5 },
    moved_in_on: '1968-05-01',
    email: null,
    phone: '050 3131313',
    letter_channel: 'paper',
    language: 'nl',
    story: 'Heeft geen e-mail en krijgt haar brieven liever op papier; Wmo-aanvraag.',
  },
  {
    key: 'liam',
    bsn: '999990093',
    given_names: 'Liam',
    name_prefix: null,
    surname: "O'Connor",
    gender: 'M',
    birth_date: '1992-07-04',
    birth_place: 'Cork',
    birth_country: 'Ierland',
    nationality: 'Ierse',
    address: { street: 'Korreweg', number: 17, addition: '1' },
    moved_in_on: '2024-09-01',
    email: 'liam.oconnor@example.ie',
    phone: '06 56789012',
    letter_channel: 'digital',
    language: 'en',
    story: 'Engelstalige onderzoeker aan de universiteit; parkeervergunning en subsidie.',
  },
  {
    key: 'kees',
    bsn: '999990111',
    given_names: 'Kees',
    name_prefix: null,
    surname: 'Smit',
    gender: 'M',
    birth_date: '1979-10-10',
    birth_place: 'Leeuwarden',
    nationality: 'Nederlandse',
    address: { street: 'Friesestraatweg', number: 22 },
    moved_in_on: '2022-03-01',
    address_in_research: true,
    email: 'kees.smit@example.nl',
    phone: null,
    letter_channel: 'digital',
    language: 'nl',
    story: 'Zijn adres is in onderzoek; heeft een correctieverzoek ingediend.',
  },
  {
    key: 'lisa',
    bsn: '999999990',
    given_names: 'Lisa',
    name_prefix: 'van der',
    surname: 'Berg',
    gender: 'V',
    birth_date: '2003-04-27',
    birth_place: 'Zwolle',
    nationality: 'Nederlandse',
    address: { street: 'Nieuwe Ebbingestraat', number: 23, letter: 'A' },
    moved_in_on: '2023-08-20',
    email: 'lisa.vanderberg@example.nl',
    phone: '06 67890123',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Studente, net verhuisd; nog geen lopende zaken.',
  },
  {
    key: 'mehmet',
    bsn: '999990123',
    given_names: 'Mehmet',
    name_prefix: null,
    surname: 'Yilmaz',
    gender: 'M',
    birth_date: '1965-01-30',
    birth_place: 'Ankara',
    birth_country: 'Turkije',
    nationality: 'Nederlandse',
    address: { street: 'Zonnelaan', number: 9 },
    moved_in_on: '1995-10-01',
    email: 'm.yilmaz@example.nl',
    phone: '06 78901234',
    letter_channel: 'digital',
    language: 'nl',
    story: 'Ondernemer; subsidieaanvraag voor zijn buurtwinkel, besluit te laat.',
  },
]

/** Family relations as in the BRP: [bsn, related bsn, kind, since]. */
export const relations: Array<[string, string, 'partner' | 'child' | 'parent', string | null]> = [
  ['999990019', '999990020', 'partner', '2014-06-21'],
  ['999990020', '999990019', 'partner', '2014-06-21'],
  ['999990019', '999990032', 'child', '2016-08-19'],
  ['999990020', '999990032', 'child', '2016-08-19'],
  ['999990019', '999990044', 'child', '2019-01-07'],
  ['999990020', '999990044', 'child', '2019-01-07'],
  ['999990032', '999990019', 'parent', '2016-08-19'],
  ['999990032', '999990020', 'parent', '2016-08-19'],
  ['999990044', '999990019', 'parent', '2019-01-07'],
  ['999990044', '999990020', 'parent', '2019-01-07'],
  ['999990056', '999990068', 'child', '2004-09-15'],
  ['999990068', '999990056', 'parent', '2004-09-15'],
]

export function personaByKey(key: string): Persona {
  const p = personas.find((x) => x.key === key)
  if (!p) throw new Error(`no persona ${key}`)
  return p
}

/** A valid BSN (eleven test) that belongs to nobody in the register, for tests of that case. */
export const UNKNOWN_VALID_BSN = '999990135'

export function fullName(p: { given_names: string; name_prefix: string | null; surname: string }): string {
  return [p.given_names, p.name_prefix, p.surname].filter(Boolean).join(' ')
}
