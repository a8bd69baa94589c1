import { getDb } from '../../../db/instance'
import type { Executor } from '../../../db/client'
import type { ArticleOnward, ArticleText } from '~/domain/knowledge'
import { recordAudit } from '../audit.server'
import type { StaffUser } from '../auth/user.server'

/** What an editor saves: the whole article, both languages. */
export interface ArticleInput {
  /** the address; fixed once the article exists (links to it stay valid) */
  slug: string
  topic: string
  nl: ArticleText
  en: ArticleText
  synonyms: string[]
  onward: ArticleOnward
  note: string | null
}

export type SaveRefusal =
  | { code: 'notEditor' }
  | { code: 'notFound' }
  | { code: 'slugTaken' }
  /** someone saved a newer version since this editor opened the article */
  | { code: 'conflict'; latest: number }

export type SaveResult = { ok: true; slug: string; version: number; published: boolean } | ({ ok: false } & SaveRefusal)

const isEditor = (staff: StaffUser) => staff.roles.includes('editor')

/**
 * Saves an article as a new version: a draft, or published (the public page, the search and the
 * contact centre show it from the next request). `existing` is the address of the article being
 * edited and `baseVersion` the version the editor started from; when someone saved a newer one
 * meanwhile, nothing is saved and the editor is told (their text stays in their form). A new
 * article: no `existing`, base version 0. One transaction with its audit row.
 */
export async function saveArticle(
  staff: StaffUser,
  input: ArticleInput & { existing: string | null; baseVersion: number; publish: boolean },
  { db = getDb(), now = new Date() }: { db?: Executor; now?: Date } = {},
): Promise<SaveResult> {
  if (!isEditor(staff)) return { ok: false, code: 'notEditor' }
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    let article: { id: string; slug: string; latest_version: number }
    if (input.existing === null) {
      const created = await trx
        .insertInto('knowledge_articles')
        .values({ slug: input.slug, topic: input.topic, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning(['id', 'slug', 'latest_version'])
        .executeTakeFirst()
      if (!created) return { ok: false, code: 'slugTaken' }
      article = created
    } else {
      const found = await trx
        .selectFrom('knowledge_articles')
        .select(['id', 'slug', 'latest_version'])
        .where('slug', '=', input.existing)
        .forUpdate()
        .executeTakeFirst()
      if (!found) return { ok: false, code: 'notFound' }
      article = found
    }
    if (article.latest_version !== input.baseVersion)
      return { ok: false, code: 'conflict', latest: article.latest_version }
    const version = article.latest_version + 1
    await addVersion(trx, staff, article.id, version, input, { publish: input.publish, now })
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: input.publish ? 'knowledge.published' : 'knowledge.draft_saved',
      resource: `knowledge:${article.slug}`,
      details: { version },
    })
    return { ok: true, slug: article.slug, version, published: input.publish }
  })
}

/**
 * Publishes the text of an older version again, as a new version ("terugzetten"): history is
 * never rewritten. One transaction with its audit row.
 */
export async function restoreVersion(
  staff: StaffUser,
  slug: string,
  from: number,
  { db = getDb(), now = new Date(), note }: { db?: Executor; now?: Date; note: string },
): Promise<SaveResult> {
  if (!isEditor(staff)) return { ok: false, code: 'notEditor' }
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const article = await trx
      .selectFrom('knowledge_articles')
      .select(['id', 'slug', 'latest_version'])
      .where('slug', '=', slug)
      .forUpdate()
      .executeTakeFirst()
    if (!article) return { ok: false, code: 'notFound' }
    const old = await trx
      .selectFrom('knowledge_article_versions')
      .select(['topic', 'nl', 'en', 'synonyms', 'onward'])
      .where('article_id', '=', article.id)
      .where('version', '=', from)
      .executeTakeFirst()
    if (!old) return { ok: false, code: 'notFound' }
    const version = article.latest_version + 1
    await addVersion(trx, staff, article.id, version, { ...old, slug, note }, { publish: true, now })
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'knowledge.restored',
      resource: `knowledge:${slug}`,
      details: { version, from },
    })
    return { ok: true, slug, version, published: true }
  })
}

async function addVersion(
  trx: Executor,
  staff: StaffUser,
  articleId: string,
  version: number,
  input: ArticleInput,
  { publish, now }: { publish: boolean; now: Date },
): Promise<void> {
  await trx
    .insertInto('knowledge_article_versions')
    .values({
      article_id: articleId,
      version,
      status: publish ? 'published' : 'draft',
      topic: input.topic,
      nl: JSON.stringify(input.nl),
      en: JSON.stringify(input.en),
      synonyms: input.synonyms,
      onward: JSON.stringify(input.onward),
      employee_id: staff.employeeId,
      note: input.note,
      created_at: now,
    })
    .execute()
  await trx
    .updateTable('knowledge_articles')
    .set(
      publish
        ? { latest_version: version, published_version: version, topic: input.topic, updated_at: now }
        : { latest_version: version },
    )
    .where('id', '=', articleId)
    .execute()
}
