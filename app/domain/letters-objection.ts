/** The letters on an objection: its acknowledgement (Awb 6:14, 7:10) and the decision on it (Awb 7:12, open to appeal). */
import { isDecisionOnApplication, type DecisionContent, type Outcome } from './case-terms'
import type { ComposedLetter, Fact, LetterBlock, LetterContext, ObjectedDecision } from './letters'
import {
  appealClause,
  asSentence,
  followAndContact,
  frame,
  paragraphsOf,
  reasonsAndOptions,
  textsFor,
  type Texts,
} from './letters-parts'

export function objectedFacts(objection: ObjectedDecision, t: Texts): Fact[] {
  return [
    {
      label: t.nl ? 'Bezwaar tegen' : 'Objection to',
      value: `${objection.caseTypeName[t.language]}: ${objection.subject}`,
    },
    { label: t.nl ? 'Kenmerk van het besluit' : 'Reference of the decision', value: objection.reference },
    { label: t.nl ? 'Datum van het besluit' : 'Date of the decision', value: t.date(objection.sentOn) },
  ]
}

/**
 * The acknowledgement of an objection: which objection, against which decision, the latest
 * date of the decision on it (Awb 7:10), what happens next (a hearing, Awb 7:2), and that the
 * decision still applies meanwhile (Awb 6:16). A late objection is not refused here: whether
 * the lateness is excusable is weighed in the decision (Awb 6:11).
 */
export function objectionAcknowledgement(ctx: LetterContext, objection: ObjectedDecision): ComposedLetter {
  const t = textsFor(ctx)
  const { state } = ctx
  const c = ctx.case
  const facts: Fact[] = [
    { label: t.nl ? 'Ontvangen op' : 'Received on', value: t.date(state.receivedOn) },
    ...objectedFacts(objection, t),
    { label: t.nl ? 'Uiterlijke beslisdatum' : 'Latest decision date', value: t.date(state.decisionDueOn) },
  ]
  if (c.contact) {
    facts.push(
      { label: t.nl ? 'Uw contactpersoon' : 'Your contact person', value: c.contact.name },
      { label: t.nl ? 'Direct telefoonnummer' : 'Direct phone number', value: c.contact.phone },
    )
  }
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: t.nl
        ? `Bedankt voor uw bezwaar. Wij hebben uw bezwaar ontvangen op ${t.date(state.receivedOn)}. In deze brief leest u wat er nu gebeurt.`
        : `Thank you for your objection. We received it on ${t.date(state.receivedOn)}. This letter tells you what happens next.`,
    },
    { kind: 'facts', items: facts },
  ]
  if (objection.late) {
    blocks.push(
      { kind: 'heading', text: t.nl ? 'Uw bezwaar kwam te laat' : 'Your objection came late' },
      {
        kind: 'paragraph',
        text: t.nl
          ? `U kon bezwaar maken tot en met ${t.date(objection.termEndsOn)}. Uw bezwaar kwam later. U schreef ons waarom. Wij kijken of dat een goede reden is. Is dat zo? Dan behandelen wij uw bezwaar gewoon. Zo niet, dan leest u dat in onze beslissing.`
          : `You could object until ${t.date(objection.termEndsOn)}. Your objection came later. You told us why. We will look at whether that is a good reason. If it is, we deal with your objection as usual. If not, our decision will say so.`,
      },
    )
  }
  blocks.push(
    { kind: 'heading', text: t.nl ? 'Wanneer beslissen wij?' : 'When will we decide?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? `Wij beslissen uiterlijk op ${t.date(state.decisionDueOn)}. Hebben wij meer tijd nodig? Dan krijgt u voor die datum een brief van ons.`
        : `We will decide on ${t.date(state.decisionDueOn)} at the latest. Do we need more time? Then we will write to you before that date.`,
    },
    { kind: 'heading', text: t.nl ? 'Wat gebeurt er nu?' : 'What happens now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Wij kijken opnieuw naar het besluit. Daarbij lezen wij goed wat u schrijft. Meestal nodigen wij u uit voor een gesprek. Daarin legt u uw bezwaar uit. Dat heet een hoorzitting. U hoort op tijd wanneer die is.'
        : 'We look at the decision again. We read carefully what you wrote. Usually we invite you to a meeting. There you explain your objection. This is called a hearing. We will tell you in good time when it is.',
    },
    {
      kind: 'list',
      items: c.steps.map((step) => `${step.name[t.language]}: ${asSentence(step.explanation[t.language])}`),
    },
    { kind: 'heading', text: t.nl ? 'Geldt het besluit nu nog?' : 'Does the decision still apply now?' },
    {
      kind: 'paragraph',
      text: t.nl
        ? 'Ja. Het besluit blijft gelden, ook nu u bezwaar heeft gemaakt.'
        : 'Yes. The decision still applies, even now that you have objected.',
    },
    ...followAndContact(ctx, t),
  )
  return frame(
    ctx,
    'objection_acknowledgement',
    t.nl ? 'Wij hebben uw bezwaar ontvangen' : 'We have received your objection',
    blocks,
  )
}

export function objectionOutcomeSentence(outcome: Outcome, t: Texts): string {
  switch (outcome) {
    case 'granted':
      return t.nl
        ? 'Onze beslissing: uw bezwaar is gegrond. U krijgt gelijk. Wij veranderen ons besluit.'
        : 'Our decision: your objection is upheld. You are right. We change our decision.'
    case 'partly_granted':
      return t.nl
        ? 'Onze beslissing: uw bezwaar is voor een deel gegrond. U krijgt voor een deel gelijk. Dat deel van ons besluit veranderen wij.'
        : 'Our decision: your objection is partly upheld. You are partly right. We change that part of our decision.'
    case 'refused':
      return t.nl
        ? 'Onze beslissing: uw bezwaar is ongegrond. U krijgt geen gelijk. Het besluit blijft zoals het was.'
        : 'Our decision: your objection is not upheld. You are not right. The decision stays as it was.'
    case 'withdrawn':
      return t.nl
        ? 'U heeft uw bezwaar ingetrokken. Daarom stoppen wij met de behandeling. Het besluit blijft zoals het was.'
        : 'You have withdrawn your objection. So we have stopped dealing with it. The decision stays as it was.'
  }
}

/** The decision on an objection (Awb 7:11, 7:12): open to appeal at the court, not to objection. */
export function objectionDecision(
  ctx: LetterContext,
  objection: ObjectedDecision | undefined,
  decision: DecisionContent,
): ComposedLetter {
  const t = textsFor(ctx)
  const decided = isDecisionOnApplication(decision.outcome)
  const received = t.date(ctx.state.receivedOn)
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: objection
        ? t.nl
          ? `Op ${received} maakte u bezwaar tegen ons besluit met kenmerk ${objection.reference}. Wij hebben uw bezwaar bekeken.`
          : `On ${received} you objected to our decision with reference ${objection.reference}. We have looked at your objection.`
        : t.nl
          ? `Op ${received} maakte u bezwaar tegen een besluit van ons. Wij hebben uw bezwaar bekeken.`
          : `On ${received} you objected to a decision of ours. We have looked at your objection.`,
    },
    ...(objection ? [{ kind: 'facts' as const, items: objectedFacts(objection, t) }] : []),
    { kind: 'paragraph', text: objectionOutcomeSentence(decision.outcome, t) },
    ...paragraphsOf(decision.summary ?? ''),
    ...(decided
      ? reasonsAndOptions(t, decision, { nl: 'Waarom hebben wij zo beslist?', en: 'Why did we decide this?' })
      : paragraphsOf(decision.reasons ?? '')),
    // A withdrawn objection ends without a decision (Awb 6:21): nothing to appeal against.
    ...(decided ? appealClause(ctx, t) : []),
    ...followAndContact(ctx, t, { follow: false }),
  ]
  return frame(
    ctx,
    'objection_decision',
    decided
      ? t.nl
        ? 'Onze beslissing op uw bezwaar'
        : 'Our decision on your objection'
      : t.nl
        ? 'U heeft uw bezwaar ingetrokken'
        : 'You have withdrawn your objection',
    blocks,
  )
}
