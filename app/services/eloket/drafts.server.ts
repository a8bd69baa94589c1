/**
 * An e-loket application while the citizen fills it in: started or resumed (one open draft per
 * citizen per service: the partial unique index of migration 0025), saved at every page, with
 * the files of its file questions, deleted on request or by the drafts' purge after
 * DRAFT_LIFETIME_DAYS (app/domain/drafts.ts, app/services/requests/drafts.server.ts).
 *
 * A citizen reaches only their own applications: an unknown, foreign or malformed id is the same
 * `not_found`. A staff member looking along (impersonation) reads, and writes nothing.
 */
import { getDb } from '../../../db/instance'
import type { DB, Executor } from '../../../db/client'
import type { ApplicationStatus } from '../../../db/schema'
import {
  firstIncompletePageId,
  mergeAnswers,
  nextPageId,
  previousPageId,
  readPage,
  serviceByCode,
  visiblePages,
  visibleQuestions,
  type FieldError,
  type FormValues,
} from '~/domain/eloket/engine'
import type { Answers, FormContext, ServiceDefinition } from '~/domain/eloket/form'
import { draftCutoff, isDraftExpired } from '~/domain/drafts'
import { isUuid } from '~/domain/ids'
import type { Language } from '~/domain/language'
import { todayIn } from '~/domain/local-date'
import { recordAudit } from '~/services/audit.server'
import { loadKnown } from '~/services/eloket/known.server'
import {
  saveFiles,
  filesOf,
  fileCounts,
  type ApplicationFileView,
  type FileRefusal,
} from '~/services/eloket/files.server'
import { citizenAudit, refuseWhileImpersonating, type CitizenActor } from '~/services/requests/kernel.server'
import type { ReceivedFile } from '~/services/uploads/index.server'

export interface OwnApplication {
  id: string
  service: ServiceDefinition
  status: ApplicationStatus
  answers: Answers
  lastPage: string | null
  language: Language
  feeCents: number | null
  caseId: string | null
  updatedAt: Date
}

/** The context every rule of the engine reads: what we know of the citizen, and today. */
export async function formContext(bsn: string, { db, now }: { db: Executor; now: Date }): Promise<FormContext> {
  return { known: await loadKnown(bsn, { db, now }), today: todayIn(now) }
}

/**
 * The citizen's own application of `code` (when given) with id `id`, or null for anything else:
 * unknown, another citizen's, malformed, of another service, or a draft past its lifetime
 * that the purge has not reached yet.
 */
export async function findOwnApplication(
  db: Executor,
  bsn: string,
  id: string,
  { code, now, forUpdate = false }: { code?: string; now: Date; forUpdate?: boolean },
): Promise<OwnApplication | null> {
  if (!isUuid(id)) return null
  let query = db
    .selectFrom('applications')
    .select(['id', 'service', 'status', 'answers', 'last_page', 'language', 'fee_cents', 'case_id', 'updated_at'])
    .where('id', '=', id)
    .where('bsn', '=', bsn)
  if (forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row || (code !== undefined && row.service !== code)) return null
  if (row.status === 'draft' && isDraftExpired(row.updated_at, now)) return null
  const service = serviceByCode(row.service)
  if (!service) return null
  return {
    id: row.id,
    service,
    status: row.status,
    answers: row.answers,
    lastPage: row.last_page,
    language: row.language,
    feeCents: row.fee_cents,
    caseId: row.case_id,
    updatedAt: row.updated_at,
  }
}

// --- starting -------------------------------------------------------------------------------

export type StartResult =
  | { status: 'not_found' }
  | { status: 'unavailable' }
  | { status: 'started' | 'resumed'; id: string; pageId: string | null }

/**
 * "Aanvraag starten" / "Verder gaan met uw aanvraag": the open draft of this service, or a new
 * one. Two starts at once (two tabs) meet in the one-draft index: the second reads the first's.
 * Resumed, the citizen goes on at the first page with something missing, else the last saved.
 */
export async function startApplication(
  actor: CitizenActor,
  code: string,
  {
    db = getDb(),
    now = new Date(),
    language,
    anders = false,
  }: { db?: DB; now?: Date; language: Language; anders?: boolean },
): Promise<StartResult> {
  const base = serviceByCode(code)
  if (!base) return { status: 'not_found' }
  refuseWhileImpersonating(actor)
  return db.transaction().execute(async (trx): Promise<StartResult> => {
    const ctx = await formContext(actor.bsn, { db: trx, now })
    if (base.unavailable?.(ctx)) return { status: 'unavailable' }
    // A draft past its lifetime is gone, even before the hourly purge.
    await trx
      .deleteFrom('applications')
      .where('bsn', '=', actor.bsn)
      .where('service', '=', base.code)
      .where('status', '=', 'draft')
      .where('updated_at', '<=', draftCutoff(now))
      .execute()
    const inserted = await trx
      .insertInto('applications')
      .values({ bsn: actor.bsn, service: base.code, language, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['bsn', 'service']).where('status', '=', 'draft').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted) {
      await recordAudit(trx, {
        ...citizenAudit(actor),
        action: 'application.started',
        subjectBsn: actor.bsn,
        resource: `application:${inserted.id}`,
        details: { service: base.code },
      })
      return {
        status: 'started',
        id: inserted.id,
        pageId: (anders ? firstKnownPageId(base) : null) ?? visiblePages(base, {}, ctx)[0]?.id ?? null,
      }
    }
    const existing = await trx
      .selectFrom('applications')
      .select('id')
      .where('bsn', '=', actor.bsn)
      .where('service', '=', base.code)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow()
    const app = (await findOwnApplication(trx, actor.bsn, existing.id, { now }))!
    const pageId = (anders ? firstKnownPageId(base) : null) ?? (await resumePageId(trx, app, ctx))
    return { status: 'resumed', id: app.id, pageId }
  })
}

/** "Klopt dit niet?" on the start page: the first page with a question the municipality answers. */
function firstKnownPageId(service: ServiceDefinition): string | null {
  return service.pages.find((page) => page.questions.some((q) => q.known))?.id ?? null
}

export type ResumeResult =
  | { status: 'not_found' }
  | { status: 'draft'; pageId: string | null }
  | { status: 'awaiting_payment' }
  | { status: 'submitted' }

/** "Verder gaan" on Mijn aanvragen: where this application goes on. */
export async function whereToResume(
  actor: CitizenActor,
  code: string,
  id: string,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<ResumeResult> {
  const app = await findOwnApplication(db, actor.bsn, id, { code, now })
  if (!app) return { status: 'not_found' }
  if (app.status !== 'draft') return { status: app.status }
  return { status: 'draft', pageId: await resumePageId(db, app, await formContext(actor.bsn, { db, now })) }
}

/** Where the citizen goes on: the first page with something missing; null: all done, the check page. */
export async function resumePageId(db: Executor, app: OwnApplication, ctx: FormContext): Promise<string | null> {
  return firstIncompletePageId(app.service, app.answers, ctx, await fileCounts(db, app.id))
}

// --- a question page ------------------------------------------------------------------------

export type PageView =
  | { status: 'not_found' }
  | { status: 'not_draft'; app: OwnApplication }
  | {
      status: 'open'
      app: OwnApplication
      ctx: FormContext
      pageId: string
      files: ApplicationFileView[]
      previousPageId: string | null
    }

/**
 * One page of the form. A page that is not (or no longer) asked is not found, except a page of
 * known questions the citizen wants to answer after all (`anders`).
 */
export async function getApplicationPage(
  actor: CitizenActor,
  code: string,
  id: string,
  pageId: string,
  { db = getDb(), now = new Date(), anders = false }: { db?: DB; now?: Date; anders?: boolean } = {},
): Promise<PageView> {
  const app = await findOwnApplication(db, actor.bsn, id, { code, now })
  if (!app) return { status: 'not_found' }
  if (app.status !== 'draft') return { status: 'not_draft', app }
  const ctx = await formContext(actor.bsn, { db, now })
  if (!isAsked(app, pageId, ctx, anders)) return { status: 'not_found' }
  return {
    status: 'open',
    app,
    ctx,
    pageId,
    files: await filesOf(db, app.id),
    previousPageId: previousPageId(app.service, pageId, app.answers, ctx),
  }
}

/**
 * Whether the page is asked: its condition holds and it has a question left to ask — with
 * `anders` (the citizen says a known answer is not right) its known questions count too.
 */
function isAsked(app: OwnApplication, pageId: string, ctx: FormContext, anders: boolean): boolean {
  if (visiblePages(app.service, app.answers, ctx).some((p) => p.id === pageId)) return true
  if (!anders) return false
  const page = app.service.pages.find((p) => p.id === pageId)
  if (!page || (page.when && !page.when(app.answers, ctx))) return false
  return visibleQuestions(page, app.answers, ctx, { askKnown: true }).length > 0
}

export type SavePageResult =
  | { status: 'not_found' }
  | { status: 'not_draft'; app: OwnApplication }
  | { status: 'saved'; nextPageId: string | null }
  | {
      status: 'invalid'
      app: OwnApplication
      ctx: FormContext
      answers: Answers
      errors: FieldError[]
      refusedFiles: FileRefusal[]
      files: ApplicationFileView[]
      previousPageId: string | null
    }

/**
 * A page's answers into the draft (the engine reads and checks them), with the files chosen on
 * it. What is right is kept even when something is not: every file that passes is stored; the
 * typed answers are saved only when the whole page is right, and otherwise come back as typed.
 * `fromCheck`: the citizen came from the check page and goes back there, unless the change asks
 * something new first.
 */
export async function saveApplicationPage(
  actor: CitizenActor,
  code: string,
  id: string,
  pageId: string,
  input: {
    values: FormValues
    uploads?: ReceivedFile[]
    removeFiles?: string[]
    anders?: boolean
    fromCheck?: boolean
  },
  { db = getDb(), now = new Date(), language }: { db?: DB; now?: Date; language: Language },
): Promise<SavePageResult> {
  refuseWhileImpersonating(actor)
  return db.transaction().execute(async (trx): Promise<SavePageResult> => {
    const app = await findOwnApplication(trx, actor.bsn, id, { code, now, forUpdate: true })
    if (!app) return { status: 'not_found' }
    if (app.status !== 'draft') return { status: 'not_draft', app }
    const ctx = await formContext(actor.bsn, { db: trx, now })
    const anders = input.anders ?? false
    if (!isAsked(app, pageId, ctx, anders)) return { status: 'not_found' }
    const page = app.service.pages.find((p) => p.id === pageId)!

    const { refused: refusedFiles, changed } = await saveFiles(trx, actor.bsn, app.id, page, input.uploads ?? [], {
      remove: input.removeFiles ?? [],
      now,
    })
    const files = await fileCounts(trx, app.id)
    const read = readPage(app.service, pageId, input.values, ctx, files, app.answers, { askKnown: anders })
    if (read.errors.length || refusedFiles.length) {
      // The files that passed are kept (and keep the draft alive); the typed answers are not saved.
      if (changed) await trx.updateTable('applications').set({ updated_at: now }).where('id', '=', app.id).execute()
      return {
        status: 'invalid',
        app,
        ctx,
        answers: { ...app.answers, ...read.answers },
        errors: read.errors,
        refusedFiles,
        files: await filesOf(trx, app.id),
        previousPageId: previousPageId(app.service, pageId, app.answers, ctx),
      }
    }
    const merged = mergeAnswers(app.service, app.answers, read.answers, ctx)
    await trx
      .updateTable('applications')
      .set({
        answers: JSON.stringify(merged),
        last_page: pageId,
        language,
        updated_at: now,
      })
      .where('id', '=', app.id)
      .execute()
    const next = input.fromCheck
      ? firstIncompletePageId(app.service, merged, ctx, files)
      : nextPageId(app.service, pageId, merged, ctx)
    return { status: 'saved', nextPageId: next }
  })
}

// --- deleting --------------------------------------------------------------------------------

/** "Verwijderen" on Mijn aanvragen: the draft and its files are gone; a sent one stays. */
export async function deleteDraft(
  actor: CitizenActor,
  id: string,
  { db = getDb(), now = new Date() }: { db?: DB; now?: Date } = {},
): Promise<{ status: 'deleted' | 'not_found' }> {
  refuseWhileImpersonating(actor)
  const app = await findOwnApplication(db, actor.bsn, id, { now })
  if (!app || app.status !== 'draft') return { status: 'not_found' }
  const result = await db
    .deleteFrom('applications')
    .where('id', '=', app.id)
    .where('bsn', '=', actor.bsn)
    .where('status', '=', 'draft')
    .executeTakeFirst()
  return { status: Number(result.numDeletedRows) ? 'deleted' : 'not_found' }
}
