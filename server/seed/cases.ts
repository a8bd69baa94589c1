import { addDays, todayIn, type LocalDate } from '../../app/domain/local-date'
import { receiveCase, recordCaseEvent } from '../../app/services/cases/record.server'
import type { CaseEventInput } from '../../app/domain/case-events'
import type { Channel } from '../../app/domain/case-terms'
import type { RecordedEvent } from '../../app/services/cases/results.server'
import type { DB } from '../../db/client'
import { DEMO_SOURCE } from '../../db/seed/source-systems'
import { personaByKey } from '../../db/seed/personas'

/** A case's life as a script: received some days ago, then events on later days. */
export interface CaseScript {
  /** Makes the source event ids: `${key}:0`, `${key}:1`, … (so a replay is a no-op). */
  key: string
  bsn: string
  caseTypeCode: string
  subject: string
  channel: Channel
  /** Days before `now` (Europe/Amsterdam) the case was received; 0 is today. */
  receivedDaysAgo: number
  /** Each event happens `daysAgo` days before `now`; in order, never before the receipt. */
  events?: Array<CaseEventInput & { daysAgo: number }>
  /** `zaaksysteem` (the demo back office) or `portal` (registered by a caseworker). */
  source?: string
  externalId?: string | null
  contactEmployeeId?: string | null
  /** Who recorded the events; defaults to the back office or the contact person. */
  actor?: string
}

export interface PlayedCase {
  caseId: string
  reference: string
  events: RecordedEvent[]
}

/**
 * The instant an event `daysAgo` days before `now` happened: noon UTC of that day (13:00 or
 * 14:00 in Amsterdam, so the same calendar date), or `now` itself for today, never later.
 */
export function daysAgoAt(now: Date, daysAgo: number): Date {
  if (daysAgo <= 0) return now
  const day: LocalDate = addDays(todayIn(now), -daysAgo)
  return new Date(`${day}T12:00:00Z`)
}

/**
 * Plays a script through the cases service, exactly as the API and the caseworker screens
 * would, so the projection and the letters come out as they would in real life. Shared by the
 * demo seed and the test factories. Throws when the script breaks a rule: a seed bug.
 */
export async function playCase(db: DB, script: CaseScript, now: Date): Promise<PlayedCase> {
  const source = script.source ?? DEMO_SOURCE.id
  const actor =
    script.actor ?? (source === DEMO_SOURCE.id ? `system:${source}` : `employee:${script.contactEmployeeId ?? 'E1001'}`)
  const today = todayIn(now)
  const received = await receiveCase(
    {
      caseTypeCode: script.caseTypeCode,
      bsn: script.bsn,
      subject: script.subject,
      channel: script.channel,
      receivedOn: addDays(today, -script.receivedDaysAgo),
      contactEmployeeId: script.contactEmployeeId,
      externalId: script.externalId ?? null,
      source,
      sourceEventId: `${script.key}:0`,
      actor,
      occurredAt: daysAgoAt(now, script.receivedDaysAgo),
      now,
    },
    db,
  )
  if (!received.ok)
    throw new Error(`case script ${script.key}: received refused (${received.code} ${received.field ?? ''})`)
  const events: RecordedEvent[] = [received]
  for (const [index, { daysAgo, ...event }] of (script.events ?? []).entries()) {
    const result = await recordCaseEvent(
      {
        case: { caseId: received.caseId },
        event,
        source,
        sourceEventId: `${script.key}:${index + 1}`,
        actor,
        occurredAt: daysAgoAt(now, daysAgo),
        now,
      },
      db,
    )
    if (!result.ok)
      throw new Error(`case script ${script.key}: ${event.type} refused (${result.code} ${result.field ?? ''})`)
    events.push(result)
  }
  return { caseId: received.caseId, reference: received.reference, events }
}

const bsnOf = (key: string) => personaByKey(key).bsn

/**
 * The demo cases: every state a case can be in, on several case types and channels, dated
 * relative to `now` so the demo always looks current. Deterministic for a given `now`.
 * - just received: Jan's parking permit (today), Truus's Wmo request by phone (2 days ago)
 * - in progress: Jan's permit (back office ZS-1001), Kees's correction, Liam's grant
 * - waiting for information (suspended, Awb 4:15): Fatima's Wmo request, 2 weeks to answer
 * - extended (Awb 4:14): Anneke's benefit
 * - overdue: Mehmet's grant (13 weeks passed without a decision)
 * - decided: Liam's parking permit (granted), Thomas's parking permit (refused, the term to
 *   object still open); closed: Pieter's change of address, Jan's old permit
 */
export function demoCaseScripts(today: LocalDate): CaseScript[] {
  return [
    {
      key: 'demo-jan-1',
      bsn: bsnOf('jan'),
      caseTypeCode: 'omgevingsvergunning',
      channel: 'internet',
      subject: 'Dakkapel op het achterdak, Oosterstraat 12',
      receivedDaysAgo: 20,
      externalId: 'ZS-1001',
      events: [
        { daysAgo: 18, type: 'step_reached', step: 'volledigheid' },
        { daysAgo: 10, type: 'step_reached', step: 'beoordeling' },
      ],
    },
    {
      key: 'demo-jan-2',
      bsn: bsnOf('jan'),
      caseTypeCode: 'parkeervergunning',
      channel: 'internet',
      subject: 'Bewonersvergunning binnenstad, kenteken 12-ABC-3',
      receivedDaysAgo: 0,
      externalId: 'ZS-1002',
    },
    {
      key: 'demo-jan-3',
      bsn: bsnOf('jan'),
      caseTypeCode: 'parkeervergunning',
      channel: 'email',
      subject: 'Bewonersvergunning binnenstad (vorig jaar)',
      receivedDaysAgo: 400,
      externalId: 'ZS-0950',
      events: [
        { daysAgo: 398, type: 'step_reached', step: 'controle' },
        {
          daysAgo: 392,
          type: 'decided',
          outcome: 'granted',
          summary: 'U krijgt de parkeervergunning voor de binnenstad.',
          reasons:
            'De auto met kenteken 12-ABC-3 staat op uw naam. U woont in de zone binnenstad. In die zone is plaats voor uw auto.',
        },
        { daysAgo: 391, type: 'closed' },
      ],
    },
    {
      key: 'demo-fatima-1',
      bsn: bsnOf('fatima'),
      caseTypeCode: 'wmo',
      channel: 'counter',
      source: 'portal',
      contactEmployeeId: 'E1004',
      subject: 'Huishoudelijke hulp',
      receivedDaysAgo: 15,
      events: [
        { daysAgo: 9, type: 'step_reached', step: 'keukentafelgesprek' },
        {
          daysAgo: 3,
          type: 'suspended',
          information: 'Een verklaring van uw huisarts over uw gezondheid.',
          respondBy: addDays(today, 11),
        },
      ],
    },
    {
      key: 'demo-anneke-1',
      bsn: bsnOf('anneke'),
      caseTypeCode: 'bijstand',
      channel: 'post',
      source: 'portal',
      contactEmployeeId: 'E1002',
      subject: 'Bijstandsuitkering voor alleenstaande ouder',
      receivedDaysAgo: 50,
      events: [
        { daysAgo: 40, type: 'step_reached', step: 'gesprek' },
        { daysAgo: 30, type: 'step_reached', step: 'onderzoek' },
        { daysAgo: 5, type: 'extended', reason: 'Wij wachten nog op gegevens van het UWV over uw inkomen.' },
      ],
    },
    {
      key: 'demo-truus-1',
      bsn: bsnOf('truus'),
      caseTypeCode: 'wmo',
      channel: 'phone',
      source: 'portal',
      contactEmployeeId: 'E1004',
      subject: 'Traplift',
      receivedDaysAgo: 2,
    },
    {
      key: 'demo-pieter-1',
      bsn: bsnOf('pieter'),
      caseTypeCode: 'verhuizing',
      channel: 'internet',
      subject: 'Verhuizing binnen Groningen',
      receivedDaysAgo: 30,
      externalId: 'ZS-1003',
      events: [
        { daysAgo: 28, type: 'step_reached', step: 'controle' },
        {
          daysAgo: 25,
          type: 'decided',
          outcome: 'granted',
          summary: 'Uw nieuwe adres staat in de Basisregistratie Personen.',
          reasons:
            'Het nieuwe adres bestaat in de gemeente Groningen. U woont daar sinds de datum die u ons gaf. U gaf de verhuizing op tijd door.',
        },
        { daysAgo: 24, type: 'closed' },
      ],
    },
    {
      key: 'demo-liam-1',
      bsn: bsnOf('liam'),
      caseTypeCode: 'parkeervergunning',
      channel: 'internet',
      subject: 'Resident parking permit, Korreweg',
      receivedDaysAgo: 12,
      externalId: 'ZS-1004',
      events: [
        { daysAgo: 10, type: 'step_reached', step: 'controle' },
        {
          daysAgo: 4,
          type: 'decided',
          outcome: 'granted',
          summary: 'You get a resident parking permit for zone Korreweg.',
          reasons:
            'The car is registered in your name. You live in zone Korreweg. There is room in that zone for your car.',
        },
      ],
    },
    {
      key: 'demo-liam-2',
      bsn: bsnOf('liam'),
      caseTypeCode: 'subsidie',
      channel: 'email',
      source: 'portal',
      contactEmployeeId: 'E1001',
      subject: 'Grant for a neighbourhood science café',
      receivedDaysAgo: 30,
      events: [{ daysAgo: 20, type: 'step_reached', step: 'beoordeling' }],
    },
    {
      key: 'demo-kees-1',
      bsn: bsnOf('kees'),
      caseTypeCode: 'brp_correctie',
      channel: 'internet',
      source: 'portal',
      contactEmployeeId: 'E1003',
      subject: 'Correctie huisnummer',
      receivedDaysAgo: 10,
      events: [{ daysAgo: 8, type: 'step_reached', step: 'onderzoek' }],
    },
    {
      key: 'demo-mehmet-1',
      bsn: bsnOf('mehmet'),
      caseTypeCode: 'subsidie',
      channel: 'email',
      externalId: 'ZS-1005',
      subject: 'Subsidie buurtwinkel Zonnelaan',
      receivedDaysAgo: 100,
      events: [{ daysAgo: 80, type: 'step_reached', step: 'beoordeling' }],
    },
    {
      // Refused with reasons and what to do now; the term to object is still open.
      key: 'demo-thomas-1',
      bsn: bsnOf('thomas'),
      caseTypeCode: 'parkeervergunning',
      channel: 'internet',
      subject: 'Bewonersvergunning Paterswoldseweg, kenteken 45-XYZ-6',
      receivedDaysAgo: 20,
      externalId: 'ZS-1006',
      events: [
        { daysAgo: 18, type: 'step_reached', step: 'controle' },
        {
          daysAgo: 6,
          type: 'decided',
          outcome: 'refused',
          reasons:
            'De auto met kenteken 45-XYZ-6 staat niet op uw naam. Een bewonersvergunning is alleen voor een auto op uw eigen naam. Of voor een auto die u van uw werkgever mag gebruiken.',
          citizenOptions:
            'Staat de auto binnenkort op uw naam? Vraag dan opnieuw een vergunning aan. Mag u de auto van uw werkgever gebruiken? Stuur dan een verklaring van uw werkgever mee. Heeft u hulp nodig? Bel Mirjam Kuipers.',
        },
      ],
    },
  ]
}

/** Seeds the demo cases through the cases service (so letters are written as in real life). */
export async function seedDemoCases(db: DB, now: Date): Promise<PlayedCase[]> {
  const played: PlayedCase[] = []
  for (const script of demoCaseScripts(todayIn(now))) played.push(await playCase(db, script, now))
  return played
}
