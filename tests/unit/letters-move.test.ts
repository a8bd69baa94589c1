import { describe, expect, it } from 'vitest'
import { letterAsText, type ComposedLetter } from '~/domain/letters'
import type { LetterLanguage } from '~/domain/letters-format'
import {
  addressInvestigationLetter,
  coMoverDecidedLetter,
  coMoverReportedLetter,
  type CoMoverOutcome,
  type MoveLetterFacts,
} from '~/domain/letters-move'
import { letterReadability } from '~/domain/letters-readability'
import { events, letterContext } from '../support/letters'

/**
 * The letters of a move beyond the case's own (Wet BRP art. 2.48–2.49, art. 2.22): to a co-mover
 * when a move is reported for them and when it is decided, and to everyone who moves when an
 * address investigation starts. Each says who, where to, from when and whom to call, in the
 * recipient's language and in plain language (the same B1 bar as every other template).
 */
const facts: MoveLetterFacts = {
  reportedBy: 'Pieter de Vries',
  reportedOn: '2026-11-30',
  newAddress: 'Oude Ebbingestraat 5, 9712 HA Groningen',
  moveDate: '2026-12-15',
  movers: ['Pieter de Vries', 'Fatima el Amrani', 'Noor de Vries', 'Daan de Vries'],
  recipientIsDeclarant: false,
}
const received = events.received('2026-11-30')

function ctx(language: LetterLanguage, letterDate = '2026-11-30', persona = 'fatima') {
  return letterContext({
    caseTypeCode: 'verhuizing',
    subject: 'Verhuizing naar Oude Ebbingestraat 5, 9712 HA Groningen',
    history: [received],
    letterDate,
    language,
    persona,
  })
}

const reported = (language: LetterLanguage) => coMoverReportedLetter(ctx(language), facts)
const decided = (language: LetterLanguage, decision: CoMoverOutcome, letterDate = '2026-12-01') =>
  coMoverDecidedLetter(ctx(language, letterDate), facts, decision)
const investigation = (language: LetterLanguage, declarant = false) =>
  addressInvestigationLetter(ctx(language, '2026-12-02', declarant ? 'pieter' : 'fatima'), {
    ...facts,
    recipientIsDeclarant: declarant,
  })

describe('the letter to a co-mover when a move is reported for them (art. 2.48)', () => {
  it('says who reported it and when, the new address, the date, everyone who moves, and whom to call', () => {
    const letter = reported('nl')
    const text = letterAsText(letter)
    expect(letter).toMatchObject({
      templateCode: 'move_co_mover_reported',
      templateVersion: 1,
      language: 'nl',
      title: 'Er is een verhuizing voor u doorgegeven',
    })
    expect(letter.recipient.name).toBe('Fatima el Amrani')
    expect(text).toContain(
      'Pieter de Vries heeft op 30 november 2026 een verhuizing aan ons doorgegeven. U verhuist mee.',
    )
    expect(text).toContain('Nieuw adres: Oude Ebbingestraat 5, 9712 HA Groningen')
    expect(text).toContain('Verhuisdatum: 15 december 2026')
    expect(text).toContain('Wie verhuizen: Pieter de Vries, Fatima el Amrani, Noor de Vries en Daan de Vries')
    expect(text).toContain('## Klopt dit niet?')
    expect(text).toContain('Verhuist u niet mee? Of klopt het adres of de datum niet?')
    expect(text).toContain('Rianne Mulder') // the direct contact of the move's case type
    expect(text).toContain('Z-2026-000123')
    expect(text).toContain('https://mijn.groningen.example/mijn/zaken/Z-2026-000123')
  })

  it('is written in English for a recipient who chose English', () => {
    const text = letterAsText(reported('en'))
    expect(text).toContain('A move has been reported for you')
    expect(text).toContain('On 30 November 2026, Pieter de Vries told us about a move. You are moving too.')
    expect(text).toContain('Who are moving: Pieter de Vries, Fatima el Amrani, Noor de Vries and Daan de Vries')
    expect(text).toContain('Are you not moving? Or is the address or the date wrong?')
  })
})

describe('the letter to a co-mover when the move is decided', () => {
  it('says from which day the approved address applies, and that the others are told on that day', () => {
    const text = letterAsText(decided('nl', { outcome: 'granted' }))
    expect(text).toContain('Wij hebben de verhuizing goedgekeurd')
    expect(text).toContain(
      'Uw nieuwe adres gaat in op 15 december 2026. Op die dag krijgen de afdelingen en organisaties die het moeten weten uw nieuwe adres.',
    )
    expect(text).not.toContain('bezwaar')
  })

  it('says the address applies already when the move date has come', () => {
    const text = letterAsText(decided('nl', { outcome: 'granted' }, '2026-12-15'))
    expect(text).toContain('Uw nieuwe adres geldt vanaf 15 december 2026.')
    expect(text).toContain('krijgen het nu van ons')
  })

  it('gives the reason for a refusal and the six weeks to object (their address was at stake too)', () => {
    const letter = decided('nl', { outcome: 'refused', reason: 'Op dit adres staat geen woning' })
    const text = letterAsText(letter)
    expect(letter.title).toBe('Wij hebben de verhuizing afgewezen')
    expect(text).toContain('Uw adres verandert dus niet.')
    expect(text).toContain('## Waarom niet?\nOp dit adres staat geen woning.')
    // 1 December 2026 + 6 weeks = 12 January 2027, a Tuesday (Awb 6:7, 6:8)
    // The same clause as every decision letter: the term, online or by letter, and that it still applies.
    expect(text).toContain('Uw bezwaar moet uiterlijk op 12 januari 2027 bij ons zijn.')
    expect(text).toContain('Dat kan online in Mijn Stad.')
    expect(text).toContain('Postbus 30026, 9700 RM Groningen')
    expect(text).toContain('Het besluit blijft gelden, ook als u bezwaar maakt.')
  })

  it('says a withdrawn move changes nothing, and how to report a move of one’s own', () => {
    const text = letterAsText(decided('en', { outcome: 'withdrawn' }))
    expect(text).toContain('The move has been withdrawn')
    expect(text).toContain('Pieter de Vries has now withdrawn the move. So your address does not change.')
    expect(text).toContain('report your move yourself in Mijn Stad')
  })
})

describe('the address investigation letter (art. 2.22)', () => {
  it('tells the declarant what an address investigation is, what happens next, and that nothing changes yet', () => {
    const letter = investigation('nl', true)
    const text = letterAsText(letter)
    expect(letter).toMatchObject({
      templateCode: 'move_address_investigation',
      title: 'Wij onderzoeken uw nieuwe adres',
    })
    expect(text).toContain('U heeft op 30 november 2026 een verhuizing doorgegeven naar Oude Ebbingestraat 5')
    expect(text).toContain('Dat heet een adresonderzoek.')
    expect(text).toContain('Het betekent niet dat u iets fout heeft gedaan.')
    expect(text).toContain('- Een medewerker neemt contact met u op.')
    expect(text).toContain('Daarna beslissen wij over de verhuizing. U krijgt daarover een brief.')
    expect(text).toContain('Tot die tijd blijft uw huidige adres in de Basisregistratie Personen staan.')
    expect(text).toContain('Of verhuist u niet meer?')
    expect(text).not.toContain('Verhuist u niet mee?')
  })

  it('tells a co-mover who reported the move for them', () => {
    const text = letterAsText(investigation('en'))
    expect(text).toContain('On 30 November 2026, Pieter de Vries reported a move for you to Oude Ebbingestraat 5')
    expect(text).toContain('This is called an address investigation.')
  })
})

describe('every move letter is plain language (B1), like the other templates', () => {
  const variants: Array<[string, (language: LetterLanguage) => ComposedLetter]> = [
    ['co-mover, reported', reported],
    ['co-mover, approved', (l) => decided(l, { outcome: 'granted' })],
    ['co-mover, approved, in effect', (l) => decided(l, { outcome: 'granted' }, '2026-12-15')],
    ['co-mover, refused', (l) => decided(l, { outcome: 'refused', reason: 'Op dit adres staat geen woning' })],
    ['co-mover, withdrawn', (l) => decided(l, { outcome: 'withdrawn' })],
    ['address investigation, declarant', (l) => investigation(l, true)],
    ['address investigation, co-mover', (l) => investigation(l)],
  ]
  it.each(variants)('%s: at most 15 words per sentence, Flesch–Douma ≥ 60 in Dutch', (_name, compose) => {
    const nl = letterReadability(compose('nl'))
    const en = letterReadability(compose('en'))
    expect(nl.sentences).toBeGreaterThan(3)
    expect(nl.averageSentenceLength).toBeLessThanOrEqual(15)
    expect(en.averageSentenceLength).toBeLessThanOrEqual(15)
    expect(nl.fleschDouma).toBeGreaterThanOrEqual(60)
  })
})
