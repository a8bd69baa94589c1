import { sql, type Kysely } from 'kysely'

/**
 * Messages with the caseworker, per case: the citizen writes, an employee of the department that
 * handles the case answers, as one conversation.
 *
 * - `author_kind` says who wrote it; `employee_id` names the employee (null for the citizen,
 *   whose BSN is the case's and is not copied here).
 * - `answers_id`: the citizen's message an employee's message answers (null for the citizen's).
 * - `holding`: an employee's short acknowledgement ("we have your message, the answer follows"),
 *   which counts for the charter's acknowledgement norm but leaves the message unanswered.
 * - `read_at`: when the other side first read it (the citizen reads answers, the staff questions).
 * - `notified_at`: when the citizen's neutral e-mail notice of an answer went out.
 * - `form_id`: the form's own id, so a double submit stores one message.
 * Text only (1–4000 characters, checked here as well as in the form); a message is never changed
 * but for its read and notice bookkeeping.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedByDefaultAsIdentity())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('author_kind', 'text', (c) => c.notNull().check(sql`author_kind in ('citizen', 'employee')`))
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 4000`))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('notified_at', 'timestamptz')
    .addColumn('answers_id', 'uuid', (c) => c.references('case_messages.id'))
    .addColumn('holding', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('form_id', 'uuid', (c) => c.notNull().unique())
    .addCheckConstraint(
      'case_messages_author',
      sql`(author_kind = 'employee') = (employee_id is not null)
        and (author_kind = 'employee' or (answers_id is null and not holding))`,
    )
    .execute()
  await db.schema.createIndex('case_messages_case').on('case_messages').columns(['case_id', 'seq']).execute()
  await sql`create function case_messages_immutable() returns trigger language plpgsql as $$
    begin
      if (new.id, new.seq, new.case_id, new.author_kind, new.employee_id, new.body, new.sent_at,
          new.answers_id, new.holding, new.form_id)
         is distinct from
         (old.id, old.seq, old.case_id, old.author_kind, old.employee_id, old.body, old.sent_at,
          old.answers_id, old.holding, old.form_id)
      then raise exception 'a message is never changed; only its read and notice times are set';
      end if;
      return new;
    end $$`.execute(db)
  await sql`create trigger case_messages_immutable before update on case_messages
    for each row execute function case_messages_immutable()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_messages').execute()
  await sql`drop function case_messages_immutable()`.execute(db)
}
