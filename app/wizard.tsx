import { z } from 'zod'

/**
 * A form in several steps over a server-side draft (README, "Forms"): moving house, a correction
 * request, an objection next. The answers live in the draft row of the flow's service (one open
 * draft per citizen, app/domain/drafts.ts), named in the URL by its random id only (`aanvraag`);
 * nothing personal travels in a URL. This helper knows the steps and their order, builds every
 * link between them (the "change" links of the check page carry `terug`, so that a changed answer
 * leads back to the check page), and says which earlier step must be filled in first before a
 * step may be opened. Pure and free of server code: loaders, actions and pages all use it.
 */
export interface WizardConfig<Step extends string> {
  /** the flow's first page, e.g. '/mijn/gegevens/verhuizen' */
  base: string
  /** the steps in order, each with its path under `base` ('' for the first page); the last is the check page */
  steps: ReadonlyArray<readonly [Step, string]>
  /** the page after sending, under `base` */
  done: string
  /** whether a change link on the check page asks to come back to it (a flow of one step always does) */
  changeReturns?: boolean
}

/** Where a flow is: its draft and whether the citizen came from the check page to change an answer. */
export interface WizardPosition {
  draftId: string | null
  returnToReview: boolean
}

const DRAFT = 'aanvraag'
const RETURN = 'terug'

export function defineWizard<const Step extends string>(config: WizardConfig<Step>) {
  const order = config.steps.map(([step]) => step)
  const paths = new Map<Step, string>(config.steps)
  const review = order[order.length - 1]
  const reviewPath = paths.get(review)!
  const at = (path: string) => (path ? `${config.base}/${path}` : config.base)
  /** The draft's id and the way back, as query string or hidden fields hold them. */
  const Position = z.object({
    [DRAFT]: z.string().uuid().optional().catch(undefined),
    [RETURN]: z.literal(reviewPath).optional().catch(undefined),
  })
  const href = (step: Step, draftId?: string | null, { returnToReview = false } = {}) => {
    const query = new URLSearchParams()
    if (draftId) query.set(DRAFT, draftId)
    if (returnToReview && step !== review) query.set(RETURN, reviewPath)
    const q = query.toString()
    return `${at(paths.get(step)!)}${q ? `?${q}` : ''}`
  }
  const neighbour = (step: Step, by: 1 | -1) => order[Math.min(Math.max(order.indexOf(step) + by, 0), order.length - 1)]
  return {
    review,
    /** The position from a request's query string or a posted form. */
    read(source: Request | FormData | URLSearchParams): WizardPosition {
      const entries =
        'url' in source
          ? new URL(source.url).searchParams
          : new URLSearchParams([...source.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'))
      const parsed = Position.parse({
        [DRAFT]: entries.get(DRAFT) ?? undefined,
        [RETURN]: entries.get(RETURN) ?? undefined,
      })
      return { draftId: parsed[DRAFT] ?? null, returnToReview: parsed[RETURN] === reviewPath }
    },
    /** The link to a step of this draft. */
    href,
    /** The page after sending. */
    doneHref: (draftId: string) => `${at(config.done)}?${new URLSearchParams({ [DRAFT]: draftId })}`,
    /** A "change" link on the check page. */
    changeHref: (step: Step, draftId: string) => href(step, draftId, { returnToReview: config.changeReturns ?? true }),
    /** Where a step's form leads when saved: the next step, or back to the check page. */
    next: (step: Step, draftId: string, returnToReview: boolean) =>
      href(returnToReview ? review : neighbour(step, 1), draftId),
    /** The back link of a step: the step before, or the check page when changing an answer there. */
    back: (step: Step, draftId: string, returnToReview: boolean) =>
      returnToReview ? href(review, draftId) : href(neighbour(step, -1), draftId),
    /**
     * Which step may be opened: the first step before `step` that is not filled in yet (its link),
     * or null when all are. `filled` says per step whether its answers are in the draft.
     */
    missingBefore(step: Step, draftId: string, filled: Partial<Record<Step, boolean>>): string | null {
      for (const earlier of order.slice(0, order.indexOf(step))) if (!filled[earlier]) return href(earlier, draftId)
      return null
    },
    /** The hidden fields that carry the position through a step's form. */
    hidden: (position: { draftId: string | null; returnToReview?: boolean }) => (
      <>
        {position.draftId ? <input type="hidden" name={DRAFT} value={position.draftId} /> : null}
        {position.returnToReview ? <input type="hidden" name={RETURN} value={reviewPath} /> : null}
      </>
    ),
  }
}

export type Wizard<Step extends string> = ReturnType<typeof defineWizard<Step>>
