import { sql, type Kysely } from 'kysely'

/**
 * The knowledge base ("Onderwerpen"): one article per service or common question, in Dutch and
 * English, that the portal, the counter and the phone answer from.
 *
 * - `knowledge_articles`: the article's address (`slug`, /onderwerpen/<slug>), its topic, and
 *   which of its versions the public sees (`published_version`; null while it has only drafts).
 *   `latest_version` is the newest version of any status: an editor saves against it, and a
 *   save made from an older one is refused (two editors never overwrite each other).
 * - `knowledge_article_versions`: every version ever saved, never changed or deleted. `nl` and
 *   `en` hold the texts (title, summary, what, forWhom, cost, duration, bring[]), `onward` the
 *   ways onward ({ apply?, ask, appointment }), `synonyms` the words people use that the texts
 *   may not. A draft is a version that was saved but not published; publishing makes a new
 *   version and moves the pointer, in one transaction.
 * - Search: a trigger fills `search_nl` (Dutch text search over the Dutch texts and the
 *   synonyms) and `search_en` (English over the English texts and the synonyms), weighted: the
 *   title A, the summary and synonyms B, the rest C; and `terms` (titles and synonyms, lower
 *   case) for typo tolerance with pg_trgm.
 * - `knowledge_terms`: the words of the published titles and synonyms, for "Bedoelde u …?"
 *   (the nearest known word by trigram similarity when a search finds nothing). Filled when a
 *   version is published; words of older texts stay (a suggestion is checked by searching it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db)

  await db.schema
    .createTable('knowledge_articles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 100`),
    )
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('latest_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'knowledge_articles_versions',
      sql`published_version is null or published_version between 1 and latest_version`,
    )
    .execute()
  await db.schema.createIndex('knowledge_articles_topic').on('knowledge_articles').columns(['topic']).execute()

  await db.schema
    .createTable('knowledge_article_versions')
    .addColumn('article_id', 'uuid', (c) => c.notNull().references('knowledge_articles.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('nl', 'jsonb', (c) => c.notNull())
    .addColumn('en', 'jsonb', (c) => c.notNull())
    .addColumn('synonyms', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('onward', 'jsonb', (c) => c.notNull())
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 500`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('search_nl', sql`tsvector`, (c) => c.notNull())
    .addColumn('search_en', sql`tsvector`, (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_article_versions_pk', ['article_id', 'version'])
    .addCheckConstraint(
      'knowledge_article_versions_texts',
      sql`jsonb_typeof(nl) = 'object' and jsonb_typeof(en) = 'object' and jsonb_typeof(onward) = 'object'
        and char_length(nl->>'title') between 1 and 200 and char_length(en->>'title') between 1 and 200`,
    )
    .execute()
  await sql`alter table knowledge_articles add constraint knowledge_articles_published
    foreign key (id, published_version) references knowledge_article_versions (article_id, version)`.execute(db)
  await sql`create index knowledge_article_versions_search_nl on knowledge_article_versions using gin (search_nl)`.execute(
    db,
  )
  await sql`create index knowledge_article_versions_search_en on knowledge_article_versions using gin (search_en)`.execute(
    db,
  )
  await sql`create index knowledge_article_versions_terms on knowledge_article_versions
    using gin (terms gin_trgm_ops)`.execute(db)

  // The search document of a version, computed by the database so every way in (the editor, the
  // seed, a restore) gets the same one.
  await sql`create function knowledge_version_search() returns trigger language plpgsql as $$
    declare
      synonyms text := array_to_string(new.synonyms, ' ');
      nl_rest text := concat_ws(' ', new.nl->>'what', new.nl->>'forWhom', new.nl->>'cost', new.nl->>'duration',
        (select string_agg(value, ' ') from jsonb_array_elements_text(coalesce(new.nl->'bring', '[]')) as b(value)));
      en_rest text := concat_ws(' ', new.en->>'what', new.en->>'forWhom', new.en->>'cost', new.en->>'duration',
        (select string_agg(value, ' ') from jsonb_array_elements_text(coalesce(new.en->'bring', '[]')) as b(value)));
    begin
      new.search_nl := setweight(to_tsvector('dutch', coalesce(new.nl->>'title', '')), 'A')
        || setweight(to_tsvector('dutch', concat_ws(' ', new.nl->>'summary', synonyms)), 'B')
        || setweight(to_tsvector('dutch', nl_rest), 'C');
      new.search_en := setweight(to_tsvector('english', coalesce(new.en->>'title', '')), 'A')
        || setweight(to_tsvector('english', concat_ws(' ', new.en->>'summary', synonyms)), 'B')
        || setweight(to_tsvector('english', en_rest), 'C');
      new.terms := lower(concat_ws(' ', new.nl->>'title', new.en->>'title', synonyms));
      return new;
    end $$`.execute(db)
  await sql`create trigger knowledge_version_search before insert on knowledge_article_versions
    for each row execute function knowledge_version_search()`.execute(db)
  await sql`create function knowledge_version_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'a knowledge article version is never changed or deleted';
    end $$`.execute(db)
  await sql`create trigger knowledge_version_immutable before update or delete on knowledge_article_versions
    for each row execute function knowledge_version_immutable()`.execute(db)

  await db.schema
    .createTable('knowledge_terms')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .execute()
  await sql`create index knowledge_terms_trgm on knowledge_terms using gin (term gin_trgm_ops)`.execute(db)
  await sql`create function knowledge_published_terms() returns trigger language plpgsql as $$
    begin
      if new.published_version is not null and new.published_version is distinct from old.published_version then
        insert into knowledge_terms (term)
          select distinct w from knowledge_article_versions v,
            regexp_split_to_table(v.terms, '[^[:alnum:]]+') as w
          where v.article_id = new.id and v.version = new.published_version and char_length(w) between 3 and 40
        on conflict do nothing;
      end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger knowledge_published_terms after update of published_version on knowledge_articles
    for each row execute function knowledge_published_terms()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('knowledge_terms').execute()
  await sql`alter table knowledge_articles drop constraint knowledge_articles_published`.execute(db)
  await db.schema.dropTable('knowledge_article_versions').execute()
  await db.schema.dropTable('knowledge_articles').execute()
  await sql`drop function knowledge_published_terms()`.execute(db)
  await sql`drop function knowledge_version_immutable()`.execute(db)
  await sql`drop function knowledge_version_search()`.execute(db)
}
