import { sql, type Kysely } from 'kysely'

/**
 * Questions to the municipality and the contact register.
 *
 * - `questions`: a question a citizen asked, in the portal (logged in: `bsn`), on the public
 *   contact form (an e-mail address, no BSN), or that reached the municipality by e-mail or post
 *   and was registered by the customer contact centre. `channel` is how it reached us (the
 *   charter's channels: internet, e-mail, post); `received_at` when (for post, the day it came
 *   in, which may be before `registered_at`). `acknowledge_by` and `answer_by` are the charter's
 *   terms from the day of receipt, fixed at registration; `answer_channel` is how the citizen
 *   wants the answer (in the portal, by e-mail, by letter, or a call back). `department` is who
 *   holds it after a hand-over (null: the contact centre). `answered_at` is when the last
 *   answer went out, null while an answer is owed (a new question, or the citizen's follow-up
 *   after an answer): the inbox's index. The charter counts from the entries, never from it.
 * - `question_entries`: the thread and its events, in order. Kinds: the question itself, the
 *   acknowledgement, an answer, the citizen's follow-up, an internal hand-over (with its
 *   department) and an internal note. Hand-overs and notes are never shown to the citizen.
 *   `sent_via` is the channel an acknowledgement or answer went out by. An entry is never
 *   changed but for `read_at`.
 * - `question_attachments`: files sent with a question or a follow-up.
 * - `contact_moments` (0001) gains what the register needs: the topic, the case or question it
 *   was about, and who recorded it when; its channel is one of the charter's channels.
 * - `letters` may belong to a question instead of a case: an acknowledgement or answer sent on
 *   paper or as a digital letter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence question_reference_seq`.execute(db)
  await db.schema
    .createTable('questions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('reference', 'text', (c) => c.notNull().unique()) // V-2026-000123
    .addColumn('bsn', 'text', (c) => c.references('persons.bsn'))
    .addColumn('contact_name', 'text', (c) => c.check(sql`char_length(contact_name) <= 200`))
    .addColumn('email', 'text', (c) => c.check(sql`char_length(email) <= 254`))
    .addColumn('phone', 'text', (c) => c.check(sql`char_length(phone) <= 40`))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('internet', 'email', 'post')`))
    .addColumn('answer_channel', 'text', (c) =>
      c.notNull().check(sql`answer_channel in ('portal', 'email', 'letter', 'phone')`),
    )
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('nl', 'en')`))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('registered_by', 'text', (c) => c.references('employees.id'))
    .addColumn('acknowledge_by', 'date', (c) => c.notNull())
    .addColumn('answer_by', 'date', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('form_id', 'uuid', (c) => c.notNull().unique())
    .addCheckConstraint('questions_who', sql`bsn is not null or email is not null`)
    .addCheckConstraint(
      'questions_answer_channel',
      sql`(answer_channel <> 'email' or email is not null)
        and (answer_channel <> 'phone' or phone is not null)
        and (answer_channel not in ('portal', 'letter') or bsn is not null)`,
    )
    .addCheckConstraint('questions_received', sql`received_at <= registered_at`)
    .execute()
  await sql`create index questions_open on questions (answer_by, seq) where answered_at is null`.execute(db)
  await db.schema.createIndex('questions_bsn').on('questions').columns(['bsn', 'received_at']).execute()
  await db.schema.createIndex('questions_received').on('questions').columns(['received_at']).execute()

  await db.schema
    .createTable('question_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('question_id', 'uuid', (c) => c.notNull().references('questions.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('question', 'acknowledgement', 'answer', 'follow_up', 'handover', 'note')`),
    )
    .addColumn('author_kind', 'text', (c) => c.notNull().check(sql`author_kind in ('citizen', 'employee', 'system')`))
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 8000`))
    .addColumn('department', 'text')
    .addColumn('article_slugs', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('sent_via', 'text', (c) => c.check(sql`sent_via in ('portal', 'email', 'letter', 'phone')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('form_id', 'uuid', (c) => c.unique())
    .addCheckConstraint(
      'question_entries_author',
      sql`(author_kind = 'employee') = (employee_id is not null)
        and (kind <> 'handover' or department is not null)
        and (kind <> 'follow_up' or author_kind = 'citizen')
        and (kind not in ('handover', 'note') or author_kind = 'employee')`,
    )
    .execute()
  await db.schema
    .createIndex('question_entries_question')
    .on('question_entries')
    .columns(['question_id', 'seq'])
    .execute()
  await sql`create function question_entries_immutable() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then raise exception 'a question entry is never deleted'; end if;
      if (new.id, new.seq, new.question_id, new.kind, new.author_kind, new.employee_id, new.body,
          new.department, new.article_slugs, new.sent_via, new.at, new.form_id)
         is distinct from
         (old.id, old.seq, old.question_id, old.kind, old.author_kind, old.employee_id, old.body,
          old.department, old.article_slugs, old.sent_via, old.at, old.form_id)
      then raise exception 'a question entry is never changed; only its read time is set';
      end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger question_entries_immutable before update or delete on question_entries
    for each row execute function question_entries_immutable()`.execute(db)

  await db.schema
    .createTable('question_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('question_id', 'uuid', (c) => c.notNull().references('questions.id'))
    .addColumn('entry_id', 'uuid', (c) => c.notNull().references('question_entries.id'))
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`char_length(file_name) between 1 and 255`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('question_attachments_question')
    .on('question_attachments')
    .columns(['question_id'])
    .execute()

  await db.schema
    .alterTable('contact_moments')
    .addColumn('topic', 'text')
    .addColumn('case_id', 'uuid', (c) => c.references('cases.id'))
    .addColumn('question_id', 'uuid', (c) => c.references('questions.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .alterTable('contact_moments')
    .addCheckConstraint(
      'contact_moments_channel',
      sql`channel in ('phone', 'counter', 'internet', 'email', 'post', 'chat')`,
    )
    .execute()
  await db.schema
    .alterTable('contact_moments')
    .addCheckConstraint('contact_moments_summary', sql`char_length(summary) between 1 and 4000`)
    .execute()

  await db.schema
    .alterTable('letters')
    .addColumn('question_id', 'uuid', (c) => c.references('questions.id'))
    .execute()
  await sql`alter table letters alter column case_id drop not null, alter column event_id drop not null`.execute(db)
  await db.schema
    .alterTable('letters')
    .addCheckConstraint(
      'letters_belongs_to',
      sql`(case_id is not null and event_id is not null and question_id is null)
        or (case_id is null and event_id is null and question_id is not null)`,
    )
    .execute()
  await sql`create unique index letters_question_template on letters (question_id, template_code)
    where question_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index letters_question_template`.execute(db)
  await db.schema.alterTable('letters').dropConstraint('letters_belongs_to').execute()
  await sql`alter table letters alter column case_id set not null, alter column event_id set not null`.execute(db)
  await db.schema.alterTable('letters').dropColumn('question_id').execute()
  await db.schema.alterTable('contact_moments').dropConstraint('contact_moments_summary').execute()
  await db.schema.alterTable('contact_moments').dropConstraint('contact_moments_channel').execute()
  await db.schema
    .alterTable('contact_moments')
    .dropColumn('topic')
    .dropColumn('case_id')
    .dropColumn('question_id')
    .dropColumn('recorded_at')
    .execute()
  await db.schema.dropTable('question_attachments').execute()
  await db.schema.dropTable('question_entries').execute()
  await sql`drop function question_entries_immutable()`.execute(db)
  await db.schema.dropTable('questions').execute()
  await sql`drop sequence question_reference_seq`.execute(db)
}
