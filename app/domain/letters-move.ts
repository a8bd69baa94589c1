/**
 * The letters of a move that the case events do not write by themselves (Wet BRP art. 2.39,
 * 2.48–2.49, and the address investigation of art. 2.22). Pure, like `letters.ts`, and framed the
 * same way (letterhead, reference, closing); stored as snapshots by the letters service.
 *
 * - To a co-mover, when someone reports a move for them (art. 2.48): who reported it, the new
 *   address, the date, and that they can call when it is not right. A spouse or partner and an
 *   adult child get it; a child under 16 is told through the parents.
 * - To a co-mover, when the move is decided: approved (from which day), refused (why, and the
 *   right to object, Awb 6:7: their address was at stake too), or withdrawn by the declarant.
 * - To the declarant and every adult co-mover, when the municipality starts an address
 *   investigation before deciding: what that is, what happens next, that nothing changes yet.
 *
 * Plain language (B1), measured with the other templates in tests/unit/letters-readability.test.ts.
 */
import { type ComposedLetter, type LetterBlock, type LetterContext } from './letters'
import { frame, objectionClauseFor } from './letters-parts'
import { formatLetterDate, type LetterLanguage } from './letters-format'
import { compareLocalDate, type LocalDate } from './local-date'

export interface MoveLetterFacts {
  /** who reported the move (the declarant), as the BRP writes the name */
  reportedBy: string
  /** the day it was reported */
  reportedOn: LocalDate
  /** the new address on one line: "Oude Ebbingestraat 5, 9712 HA Groningen" */
  newAddress: string
  moveDate: LocalDate
  /** everyone who moves, the declarant first, children under 16 included */
  movers: string[]
  /** the recipient reported the move themself (only the address investigation goes to them too) */
  recipientIsDeclarant: boolean
}

function words(ctx: LetterContext) {
  const language = ctx.recipient.language
  return { language, nl: language === 'nl', date: (d: LocalDate) => formatLetterDate(d, language) }
}

/** "A, B en C" / "A, B and C". */
function joinNames(names: string[], language: LetterLanguage): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} ${language === 'nl' ? 'en' : 'and'} ${names.at(-1)}`
}

function moveFacts(ctx: LetterContext, facts: MoveLetterFacts): LetterBlock {
  const w = words(ctx)
  return {
    kind: 'facts',
    items: [
      { label: w.nl ? 'Nieuw adres' : 'New address', value: facts.newAddress },
      { label: w.nl ? 'Verhuisdatum' : 'Date of the move', value: w.date(facts.moveDate) },
      { label: w.nl ? 'Wie verhuizen' : 'Who are moving', value: joinNames(facts.movers, w.language) },
    ],
  }
}

/** "Is this not right?" with whom to call, and where to follow the move online. */
function notRightAndFollow(ctx: LetterContext, { follow = true, declarant = false } = {}): LetterBlock[] {
  const w = words(ctx)
  const c = ctx.case
  const call = c.contact
    ? w.nl
      ? `Bel dan ${c.contact.name}. Het directe nummer is ${c.contact.phone}.`
      : `Then call ${c.contact.name}. The direct number is ${c.contact.phone}.`
    : w.nl
      ? `Bel ons dan op ${ctx.municipality.phone}.`
      : `Then call us on ${ctx.municipality.phone}.`
  const blocks: LetterBlock[] = [
    { kind: 'heading', text: w.nl ? 'Klopt dit niet?' : 'Is this not right?' },
    {
      kind: 'paragraph',
      text: declarant
        ? w.nl
          ? `Klopt het adres of de datum niet? Of verhuist u niet meer? ${call} Noem dan ons kenmerk ${c.reference}.`
          : `Is the address or the date wrong? Or are you no longer moving? ${call} Please give our reference ${c.reference}.`
        : w.nl
          ? `Verhuist u niet mee? Of klopt het adres of de datum niet? ${call} Noem dan ons kenmerk ${c.reference}.`
          : `Are you not moving? Or is the address or the date wrong? ${call} Please give our reference ${c.reference}.`,
    },
  ]
  if (follow) {
    blocks.push(
      { kind: 'heading', text: w.nl ? 'De verhuizing volgen' : 'Follow the move' },
      {
        kind: 'paragraph',
        text: w.nl
          ? `In Mijn Stad ziet u hoe het met de verhuizing gaat. U logt in met DigiD. Ga naar ${c.caseUrl}`
          : `In Mijn Stad you can see how the move is going. You log in with DigiD. Go to ${c.caseUrl}`,
      },
    )
  }
  return blocks
}

/** Art. 2.48: someone reported a move for the recipient; their address will change too. */
export function coMoverReportedLetter(ctx: LetterContext, facts: MoveLetterFacts): ComposedLetter {
  const w = words(ctx)
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: w.nl
        ? `${facts.reportedBy} heeft op ${w.date(facts.reportedOn)} een verhuizing aan ons doorgegeven. U verhuist mee. Daarom krijgt u deze brief.`
        : `On ${w.date(facts.reportedOn)}, ${facts.reportedBy} told us about a move. You are moving too. That is why you get this letter.`,
    },
    moveFacts(ctx, facts),
    { kind: 'heading', text: w.nl ? 'Wat gebeurt er nu?' : 'What happens now?' },
    {
      kind: 'paragraph',
      text: w.nl
        ? `Wij controleren de verhuizing. Daarna krijgt u een brief van ons. Keuren wij de verhuizing goed? Dan is dit vanaf ${w.date(facts.moveDate)} uw adres. U hoeft de verhuizing niet zelf door te geven.`
        : `We check the move. After that you get a letter from us. If we approve the move, this is your address from ${w.date(facts.moveDate)}. You do not need to report the move yourself.`,
    },
    ...notRightAndFollow(ctx),
  ]
  return frame(
    ctx,
    'move_co_mover_reported',
    w.nl ? 'Er is een verhuizing voor u doorgegeven' : 'A move has been reported for you',
    blocks,
  )
}

export type CoMoverOutcome = { outcome: 'granted' } | { outcome: 'refused'; reason: string } | { outcome: 'withdrawn' }

/** The move reported for the recipient is decided: approved, refused or withdrawn. */
export function coMoverDecidedLetter(
  ctx: LetterContext,
  facts: MoveLetterFacts,
  decision: CoMoverOutcome,
): ComposedLetter {
  const w = words(ctx)
  const reported = w.nl
    ? `${facts.reportedBy} heeft op ${w.date(facts.reportedOn)} een verhuizing voor u doorgegeven.`
    : `On ${w.date(facts.reportedOn)}, ${facts.reportedBy} reported a move for you.`
  const blocks: LetterBlock[] = []
  let title: string
  switch (decision.outcome) {
    case 'granted': {
      const already = compareLocalDate(facts.moveDate, ctx.letterDate) <= 0
      title = w.nl ? 'Wij hebben de verhuizing goedgekeurd' : 'We have approved the move'
      blocks.push(
        {
          kind: 'paragraph',
          text: w.nl ? `${reported} Wij hebben die verhuizing goedgekeurd.` : `${reported} We have approved that move.`,
        },
        moveFacts(ctx, facts),
        {
          kind: 'paragraph',
          text: already
            ? w.nl
              ? `Uw nieuwe adres geldt vanaf ${w.date(facts.moveDate)}. De afdelingen en organisaties die het moeten weten, krijgen het nu van ons. U hoeft zelf niets te doen.`
              : `Your new address applies from ${w.date(facts.moveDate)}. The departments and organisations that need it get it from us now. You do not need to do anything.`
            : w.nl
              ? `Uw nieuwe adres gaat in op ${w.date(facts.moveDate)}. Op die dag krijgen de afdelingen en organisaties die het moeten weten uw nieuwe adres. U hoeft zelf niets te doen.`
              : `Your new address applies from ${w.date(facts.moveDate)}. On that day, the departments and organisations that need it get your new address. You do not need to do anything.`,
        },
      )
      break
    }
    case 'refused': {
      title = w.nl ? 'Wij hebben de verhuizing afgewezen' : 'We have refused the move'
      const reason = decision.reason.trim().replace(/\s+/g, ' ')
      blocks.push(
        {
          kind: 'paragraph',
          text: w.nl
            ? `${reported} Het nieuwe adres was ${facts.newAddress}. Wij hebben de verhuizing afgewezen. Uw adres verandert dus niet.`
            : `${reported} The new address was ${facts.newAddress}. We have refused the move. So your address does not change.`,
        },
        { kind: 'heading', text: w.nl ? 'Waarom niet?' : 'Why not?' },
        { kind: 'paragraph', text: /[.!?]$/.test(reason) ? reason : `${reason}.` },
        ...objectionClauseFor(ctx),
      )
      break
    }
    case 'withdrawn': {
      title = w.nl ? 'De verhuizing is ingetrokken' : 'The move has been withdrawn'
      blocks.push(
        {
          kind: 'paragraph',
          text: w.nl
            ? `${reported} Het nieuwe adres was ${facts.newAddress}. ${facts.reportedBy} heeft de verhuizing nu ingetrokken. Uw adres verandert dus niet.`
            : `${reported} The new address was ${facts.newAddress}. ${facts.reportedBy} has now withdrawn the move. So your address does not change.`,
        },
        {
          kind: 'paragraph',
          text: w.nl
            ? 'Verhuist u toch? Geef uw verhuizing dan zelf door in Mijn Stad.'
            : 'Are you moving after all? Then report your move yourself in Mijn Stad.',
        },
      )
      break
    }
  }
  return frame(ctx, 'move_co_mover_decided', title, [...blocks, ...notRightAndFollow(ctx, { follow: false })])
}

/**
 * Art. 2.22 and the national guidance on address investigations: before deciding, the
 * municipality checks whether the people will really live at the new address. The letter says
 * what that is, that it is not an accusation, what happens next, and that nothing changes yet.
 */
export function addressInvestigationLetter(ctx: LetterContext, facts: MoveLetterFacts): ComposedLetter {
  const w = words(ctx)
  const opening = facts.recipientIsDeclarant
    ? w.nl
      ? `U heeft op ${w.date(facts.reportedOn)} een verhuizing doorgegeven naar ${facts.newAddress}.`
      : `On ${w.date(facts.reportedOn)}, you reported a move to ${facts.newAddress}.`
    : w.nl
      ? `${facts.reportedBy} heeft op ${w.date(facts.reportedOn)} een verhuizing voor u doorgegeven naar ${facts.newAddress}.`
      : `On ${w.date(facts.reportedOn)}, ${facts.reportedBy} reported a move for you to ${facts.newAddress}.`
  const blocks: LetterBlock[] = [
    { kind: 'paragraph', text: opening },
    {
      kind: 'paragraph',
      text: w.nl
        ? 'Voordat wij de verhuizing goedkeuren, kijken wij of het adres klopt. Dat heet een adresonderzoek. Wij doen dat vaker. Het betekent niet dat u iets fout heeft gedaan.'
        : 'Before we approve the move, we check that the address is right. This is called an address investigation. We do this often. It does not mean you did anything wrong.',
    },
    { kind: 'heading', text: w.nl ? 'Wat gebeurt er nu?' : 'What happens now?' },
    {
      kind: 'list',
      items: w.nl
        ? [
            'Een medewerker neemt contact met u op. Soms komt de medewerker langs op het nieuwe adres.',
            'Misschien vragen wij u om papieren. Bijvoorbeeld een huurcontract of een koopakte.',
            'Daarna beslissen wij over de verhuizing. U krijgt daarover een brief.',
          ]
        : [
            'An employee will contact you. Sometimes the employee visits the new address.',
            'We may ask you for papers. For example a rental contract or a deed of purchase.',
            'After that we decide on the move. You will get a letter about it.',
          ],
    },
    {
      kind: 'paragraph',
      text: w.nl
        ? 'Tot die tijd blijft uw huidige adres in de Basisregistratie Personen staan.'
        : 'Until then, your current address stays in the Personal Records Database.',
    },
    moveFacts(ctx, facts),
    ...notRightAndFollow(ctx, { declarant: facts.recipientIsDeclarant }),
  ]
  return frame(
    ctx,
    'move_address_investigation',
    w.nl ? 'Wij onderzoeken uw nieuwe adres' : 'We are checking your new address',
    blocks,
  )
}
