/** The letters while a case runs: the acknowledgement, an extension (Awb 4:14), a request for information (Awb 4:15). */
import { type LocalDate } from './local-date'
import type { ComposedLetter, Fact, LetterBlock, LetterContext } from './letters'
import { acknowledgementIsLate } from './letters'
import { asSentence, followAndContact, frame, textsFor } from './letters-parts'

export function acknowledgement(ctx: LetterContext): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Bedankt voor uw ${t.noun}. Wij hebben uw ${t.noun} ontvangen op ${t.date(state.receivedOn)}. In deze brief leest u wat er nu gebeurt.`
        : `Thank you for your ${t.noun}. We received your ${t.noun} on ${t.date(state.receivedOn)}. This letter tells you what happens next.`,
    },
  ]
  const c = ctx.case
  const facts: Fact[] = [
    { label: t.nl ? 'Ontvangen op' : 'Received on', value: t.date(state.receivedOn) },
    { label: t.nl ? 'Uiterlijke beslisdatum' : 'Latest decision date', value: t.date(state.decisionDueOn) },
  ]
  if (c.contact) {
    facts.push(
      { label: t.nl ? 'Uw contactpersoon' : 'Your contact person', value: c.contact.name },
      { label: t.nl ? 'Direct telefoonnummer' : 'Direct phone number', value: c.contact.phone },
    )
  }
  if (acknowledgementIsLate(state, ctx.letterDate)) {
    blocks.push({
      kind: 'paragraph',
      text: t.nl
        ? `Deze brief komt te laat. Wij beloven u binnen 5 werkdagen te laten weten dat wij uw ${t.noun} hebben. Dat is deze keer niet gelukt. Onze excuses daarvoor. De datum van ons besluit verandert hierdoor niet.`
        : `This letter is late. We promise to tell you within 5 working days that we have your ${t.noun}. This time we did not manage that. We apologise. The date of our decision does not change because of this.`,
    })
  }
  blocks.push(
    { kind: 'facts', items: facts },
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij?' : 'When will we decide?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij beslissen uiterlijk op ${t.date(state.decisionDueOn)}. Hebben wij meer tijd nodig? Dan krijgt u voor die datum een brief van ons.`
        : `We will decide on ${t.date(state.decisionDueOn)} at the latest. Do we need more time? Then we will write to you before that date.`,
    },
    {
      kind: 'heading',
      text: t.nl ? `Welke stappen volgt uw ${t.noun}?` : `Which steps does your ${t.noun} go through?`,
    },
    {
      kind: 'list',
      items: ctx.case.steps.map((step) => `${step.name[t.language]}: ${asSentence(step.explanation[t.language])}`),
    },
    ...followAndContact(ctx, t),
  )
  return frame(
    ctx,
    'acknowledgement',
    t.nl ? `Wij hebben uw ${t.noun} ontvangen` : `We have received your ${t.noun}`,
    blocks,
  )
}

export function extension(ctx: LetterContext, reason: string): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const moves = state.dateMoves
  const index = moves.findLastIndex((move) => move.kind === 'extended')
  const newDate = index >= 0 ? moves[index].newDate : state.decisionDueOn
  const oldDate = index > 0 ? moves[index - 1].newDate : state.originalDecisionDueOn
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij hebben uw ${t.noun} ontvangen op ${t.date(state.receivedOn)}. Wij hebben meer tijd nodig om te beslissen.`
        : `We received your ${t.noun} on ${t.date(state.receivedOn)}. We need more time to decide.`,
    },
    { kind: 'heading', text: t.nl ? 'Waarom hebben wij meer tijd nodig?' : 'Why do we need more time?' },
    { kind: 'paragraph', text: asSentence(reason) },
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij nu?' : 'When will we decide now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij zouden uiterlijk op ${t.date(oldDate)} beslissen. Dat wordt nu uiterlijk ${t.date(newDate)}. Dit uitstel mag volgens de wet één keer.`
        : `We were going to decide by ${t.date(oldDate)}. That is now ${t.date(newDate)} at the latest. The law allows this delay only once.`,
    },
    ...followAndContact(ctx, t),
  ]
  return frame(
    ctx,
    'extension',
    t.nl ? `Wij hebben meer tijd nodig voor uw ${t.noun}` : `We need more time for your ${t.noun}`,
    blocks,
  )
}

export function informationRequest(ctx: LetterContext, information: string, respondBy: LocalDate): ComposedLetter {
  const t = textsFor(ctx)
  const m = ctx.municipality
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij werken aan uw ${t.noun}. Wij missen nog informatie. Zonder die informatie kunnen wij niet beslissen.`
        : `We are working on your ${t.noun}. Some information is still missing. Without it we cannot decide.`,
    },
    { kind: 'heading', text: t.nl ? 'Wat hebben wij nodig?' : 'What do we need?' },
    { kind: 'paragraph', text: asSentence(information) },
    { kind: 'heading', text: t.nl ? 'Wanneer moet het bij ons zijn?' : 'When do we need it?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Stuur de informatie uiterlijk op ${t.date(respondBy)}. Dat kan per post naar ${m.postalAddress.join(', ')}. U kunt het ook afgeven bij de balie. Zet ons kenmerk ${ctx.case.reference} erbij.`
        : `Send the information by ${t.date(respondBy)} at the latest. You can post it to ${m.postalAddress.join(', ')}. You can also hand it in at the service desk. Please add our reference ${ctx.case.reference}.`,
    },
    { kind: 'heading', text: t.nl ? 'Wat betekent dit voor ons besluit?' : 'What does this mean for our decision?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Zolang wij op u wachten, staat de tijd voor ons besluit stil. De datum van ons besluit schuift dus op. Dat is met het aantal dagen dat wij wachten. In Mijn Stad ziet u steeds de nieuwe datum.'
        : 'While we wait for you, the time for our decision stands still. So the date of our decision moves. It moves by the number of days we wait. Mijn Stad always shows you the new date.',
    },
    { kind: 'heading', text: t.nl ? 'En als de informatie niet komt?' : 'And if the information does not come?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Krijgen wij de informatie niet op tijd? Dan kunnen wij uw ${t.noun} niet verder behandelen. Of wij beslissen met de informatie die wij al hebben. Lukt het u niet op tijd? Bel ons dan. Misschien kunnen wij u meer tijd geven.`
        : `If we do not get the information in time, we cannot deal with your ${t.noun} any further. Or we decide with the information we already have. Can you not make it in time? Then call us. We may be able to give you more time.`,
    },
    ...followAndContact(ctx, t),
  ]
  return frame(
    ctx,
    'information_request',
    t.nl ? `Wij hebben meer informatie van u nodig` : `We need more information from you`,
    blocks,
  )
}

/**
 * The acknowledgement of an answer to a request for information (Awb 4:15(1)(a)): the day it
 * came in, that the waiting has ended, and the latest decision date that follows from it.
 * `receivedOn` is the day of the answer; the state is the case right after it.
 */
export function informationReceived(ctx: LetterContext, receivedOn: LocalDate): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const suspension = state.dateMoves.findLast((move) => move.kind === 'suspended')
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij vroegen u om meer informatie over uw ${t.noun}. Wij hebben uw aanvulling ontvangen op ${t.date(receivedOn)}. Dank u wel.`
        : `We asked you for more information about your ${t.noun}. We received your answer on ${t.date(receivedOn)}. Thank you.`,
    },
    {
      kind: 'facts',
      items: [
        { label: t.nl ? 'Aanvulling ontvangen op' : 'Answer received on', value: t.date(receivedOn) },
        { label: t.nl ? 'Uiterlijke beslisdatum' : 'Latest decision date', value: t.date(state.decisionDueOn) },
      ],
    },
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij?' : 'When will we decide?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `De tijd dat wij op u wachtten, telt niet mee. Wij nemen uiterlijk op ${t.date(state.decisionDueOn)} een besluit.`
        : `The time we waited for you does not count. We will decide on ${t.date(state.decisionDueOn)} at the latest.`,
    },
  ]
  if (suspension && suspension.kind === 'suspended' && suspension.days === 0) {
    blocks.push({
      kind: 'paragraph',
      text: t.nl
        ? 'U stuurde de informatie op de dag van onze vraag. De datum van ons besluit verandert daarom niet.'
        : 'You sent the information on the day we asked for it. So the date of our decision does not change.',
    })
  }
  blocks.push(
    { kind: 'heading', text: t.nl ? 'Wat gebeurt er nu?' : 'What happens now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Wij kijken of wij nu alles hebben. Missen wij nog iets? Dan laten wij het u weten.'
        : 'We check whether we now have everything. Is something still missing? Then we will let you know.',
    },
    ...followAndContact(ctx, t),
  )
  return frame(
    ctx,
    'information_received',
    t.nl ? 'Wij hebben uw aanvulling ontvangen' : 'We have received your answer',
    blocks,
  )
}
