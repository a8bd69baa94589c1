/** The decision letters: on an application (Awb 3:46, 6:7) and on a correction of BRP data (Wet BRP 2.58). */
import { isDecisionOnApplication, type DecisionContent, type Outcome } from './case-terms'
import type { ComposedLetter, LetterBlock, LetterContext, Localised } from './letters'
import {
  followAndContact,
  frame,
  objectionClause,
  paragraphsOf,
  reasonsAndOptions,
  textsFor,
  type Texts,
} from './letters-parts'

export function outcomeSentence(outcome: Outcome, t: Texts): string {
  switch (outcome) {
    case 'granted':
      return t.nl
        ? `Het besluit is: ja. U krijgt wat u heeft gevraagd.`
        : 'The decision is: yes. You get what you asked for.'
    case 'partly_granted':
      return t.nl
        ? 'Het besluit is: voor een deel ja. U krijgt een deel van wat u heeft gevraagd.'
        : 'The decision is: partly yes. You get part of what you asked for.'
    case 'refused':
      return t.nl
        ? 'Het besluit is: nee. U krijgt niet wat u heeft gevraagd.'
        : 'The decision is: no. You do not get what you asked for.'
    case 'withdrawn':
      return t.nl
        ? `U heeft uw ${t.noun} ingetrokken. Daarom stoppen wij met de behandeling.`
        : `You have withdrawn your ${t.noun}. So we have stopped dealing with it.`
  }
}

/**
 * The decision as a document of the case: where to download it. Only when the decision came
 * with one (`documentId`); the letter still holds the decision in full.
 */
export function decisionDocumentClause(ctx: LetterContext, t: Texts, decision: DecisionContent): LetterBlock[] {
  if (!decision.documentId) return []
  return [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Het besluit staat ook als document bij uw ${t.noun} in Mijn Stad. U kunt het daar downloaden. Ga naar ${ctx.case.caseUrl}`
        : `The decision is also attached to your ${t.noun} in Mijn Stad as a document. You can download it there. Go to ${ctx.case.caseUrl}`,
    },
  ]
}

export const WHY_WE_DECIDED: Localised = { nl: 'Waarom hebben wij zo besloten?', en: 'Why did we decide this?' }

/** The decision on an application: the letter is the decision, so everything is in it. */
export function decisionNotice(ctx: LetterContext, decision: DecisionContent): ComposedLetter {
  const t = textsFor(ctx)
  const received = t.date(ctx.state.receivedOn)
  if (!isDecisionOnApplication(decision.outcome)) {
    // A withdrawal (Awb 1:3(3)): the application ends without a decision; no reasons (Awb 3:46)
    // and nothing to object to (Awb 6:7), so no objection clause.
    const blocks: LetterBlock[] = [
      {
        kind: 'paragraph',
        text: t.nl
          ? `U heeft uw ${t.noun} van ${received} ingetrokken. Daarom stoppen wij met de behandeling.`
          : `You have withdrawn your ${t.noun} of ${received}. So we have stopped dealing with it.`,
      },
      ...paragraphsOf(decision.reasons ?? ''),
      ...followAndContact(ctx, t, { follow: false }),
    ]
    return frame(
      ctx,
      'decision_notice',
      t.nl ? `U heeft uw ${t.noun} ingetrokken` : `You have withdrawn your ${t.noun}`,
      blocks,
    )
  }
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij hebben een besluit genomen over uw ${t.noun} van ${received}.`
        : `We have made a decision on your ${t.noun} of ${received}.`,
    },
    { kind: 'paragraph', text: outcomeSentence(decision.outcome, t) },
    ...paragraphsOf(decision.summary ?? ''),
    ...decisionDocumentClause(ctx, t, decision),
    ...reasonsAndOptions(t, decision, WHY_WE_DECIDED),
    ...objectionClause(ctx, t),
    ...followAndContact(ctx, t, { follow: false }),
  ]
  return frame(
    ctx,
    'decision_notice',
    t.nl ? `Wij hebben een besluit genomen over uw ${t.noun}` : `We have made a decision on your ${t.noun}`,
    blocks,
  )
}

/** Wet BRP art. 2.58: the decision on a correction request, itself the written decision. */
export function correctionDecision(ctx: LetterContext, decision: DecisionContent): ComposedLetter {
  const t = textsFor(ctx)
  const dataUrl = ctx.case.personalDataUrl
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `U vroeg ons op ${t.date(ctx.state.receivedOn)} om uw gegevens te verbeteren. Het gaat om uw gegevens in de Basisregistratie Personen (BRP). Wij hebben uw verzoek onderzocht.`
        : `On ${t.date(ctx.state.receivedOn)} you asked us to correct your details. These are your details in the Personal Records Database (BRP). We have looked into your request.`,
    },
  ]
  switch (decision.outcome) {
    case 'granted':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: ja. Wij hebben uw gegevens verbeterd. Andere overheden krijgen de nieuwe gegevens vanzelf. U hoeft zelf niets te doen.'
          : 'The decision is: yes. We have corrected your details. Other government bodies get the new details automatically. You do not need to do anything.',
      })
      break
    case 'partly_granted':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: voor een deel ja. Wij hebben een deel van uw gegevens verbeterd. Het andere deel verbeteren wij niet.'
          : 'The decision is: partly yes. We have corrected some of your details. We will not correct the rest.',
      })
      break
    case 'refused':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'Het besluit is: nee. Wij verbeteren uw gegevens niet.'
          : 'The decision is: no. We will not correct your details.',
      })
      break
    case 'withdrawn':
      blocks.push({
        kind: 'paragraph',
        text: t.nl
          ? 'U heeft uw verzoek ingetrokken. Wij veranderen daarom niets aan uw gegevens.'
          : 'You have withdrawn your request. So we will not change your details.',
      })
      break
  }
  blocks.push(...paragraphsOf(decision.summary ?? ''))
  blocks.push(...decisionDocumentClause(ctx, t, decision))
  const decided = isDecisionOnApplication(decision.outcome)
  if (decided) blocks.push(...reasonsAndOptions(t, decision, WHY_WE_DECIDED))
  if (dataUrl && decided) {
    blocks.push({
      kind: 'paragraph',
      text: t.nl
        ? `U ziet uw gegevens in Mijn Stad. Ga naar ${dataUrl}`
        : `You can see your details in Mijn Stad. Go to ${dataUrl}`,
    })
  }
  // A withdrawal is no decision (Awb 1:3(3)): nothing to object to.
  if (decided) blocks.push(...objectionClause(ctx, t))
  blocks.push(...followAndContact(ctx, t, { follow: false }))
  return frame(
    ctx,
    'correction_decision',
    t.nl
      ? 'Ons besluit over uw verzoek om uw gegevens te verbeteren'
      : 'Our decision on your request to correct your details',
    blocks,
  )
}

/** The decision an objection is against, as a fact line: "Parkeervergunning: Bewonersvergunning …". */
