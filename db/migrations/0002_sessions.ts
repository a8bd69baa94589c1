import { sql, type Kysely } from 'kysely'

/**
 * Sign-in: portal sessions, pending OpenID Connect logins, and the mock identity providers'
 * store (README: Architecture). Sessions live in PostgreSQL, the cookie holds only a
 * random id, and no instance keeps server state in memory.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per signed-in browser. The primary key is the SHA-256 of the cookie's random token,
  // so a leaked copy of this table does not hand out live sessions.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('citizen', 'staff')`))
    // BSN of the person whose data is shown (citizen; under DigiD Machtigen the represented
    // person) or the employee id (staff).
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('acting_bsn', 'text') // DigiD Machtigen: who acts on the subject's behalf
    .addColumn('level', 'text', (c) => c.check(sql`level in ('basis', 'midden', 'substantieel', 'hoog')`))
    .addColumn('name', 'text', (c) => c.notNull()) // display name at sign-in
    .addColumn('acting_name', 'text')
    .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('id_token', 'text') // the id_token_hint for RP-initiated logout
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull()) // the absolute end (8 h)
    .execute()
  // last_seen_at is deliberately not indexed: it changes on every page view, and an index on it
  // would turn each of those cheap HOT updates into an index write.
  await db.schema.createIndex('sessions_subject').on('sessions').columns(['kind', 'subject']).execute()
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute()

  // A login on its way through the identity provider: what the callback must check (state,
  // nonce, PKCE verifier) and where to go afterwards. Keyed, like sessions, by a hashed cookie
  // token; consumed once, so a replayed callback is recognised.
  await db.schema
    .createTable('login_requests')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('citizen', 'staff')`))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.check(sql`level in ('basis', 'midden', 'substantieel', 'hoog')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('login_requests_expires_at').on('login_requests').column('expires_at').execute()

  // oidc-provider's storage for the mock DigiD and the mock staff SSO (development, tests and
  // the demo only): interactions, IdP sessions, grants, codes. In the database rather than in
  // memory so that any app instance can carry on a login another one started.
  await db.schema
    .createTable('mock_idp_store')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('uid', 'text')
    .addColumn('user_code', 'text')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('consumed_at', 'timestamptz')
    .addPrimaryKeyConstraint('mock_idp_store_pk', ['provider', 'model', 'id'])
    .execute()
  await db.schema.createIndex('mock_idp_store_grant').on('mock_idp_store').columns(['provider', 'grant_id']).execute()
  await db.schema.createIndex('mock_idp_store_uid').on('mock_idp_store').columns(['provider', 'uid']).execute()
  await db.schema.createIndex('mock_idp_store_expires_at').on('mock_idp_store').column('expires_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mock_idp_store').ifExists().execute()
  await db.schema.dropTable('login_requests').ifExists().execute()
  await db.schema.dropTable('sessions').ifExists().execute()
}
