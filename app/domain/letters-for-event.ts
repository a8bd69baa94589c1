/** Which letter each case event calls for (app/domain/letters.ts says what each must hold). */
import type { ComposedLetter, LetterContext } from './letters'
import { acknowledgement, extension, informationReceived, informationRequest } from './letters-case'
import { localDateOf } from './local-date'
import { correctionDecision, decisionNotice } from './letters-decision'
import { objectionAcknowledgement, objectionDecision } from './letters-objection'
import { OBJECTION_CASE_TYPE } from './objection'

/** The letters an event calls for: none for most, one for the events that inform the citizen. */
export function lettersForEvent(ctx: LetterContext): ComposedLetter[] {
  const { event } = ctx
  // An objection registered by hand (a letter in the post) may not name its decision yet.
  const isObjection = ctx.case.caseTypeCode === OBJECTION_CASE_TYPE
  const objection = isObjection ? ctx.case.objection : undefined
  switch (event.type) {
    case 'received':
      return [objection ? objectionAcknowledgement(ctx, objection) : acknowledgement(ctx)]
    case 'extended':
      return [extension(ctx, event.payload.reason)]
    case 'suspended':
      return [informationRequest(ctx, event.payload.information, event.payload.respondBy)]
    case 'information_received':
      return [informationReceived(ctx, localDateOf(event.occurredAt))]
    case 'decided':
      return [
        isObjection
          ? objectionDecision(ctx, objection, event.payload)
          : ctx.case.caseTypeCode === 'brp_correctie'
            ? correctionDecision(ctx, event.payload)
            : decisionNotice(ctx, event.payload),
      ]
    case 'step_reached':
    case 'resumed':
    case 'closed':
      return []
  }
}
