import { sql } from 'kysely'
import type { Adapter, AdapterPayload } from 'oidc-provider'
import { getDb } from '../../db/instance'

/**
 * oidc-provider's storage in PostgreSQL (table mock_idp_store), in place of its in-memory
 * default: any app instance can continue a login another one started, and a used authorization
 * code stays used (replay detection) whichever instance sees it again.
 */
export function postgresAdapter(provider: string) {
  return (model: string): Adapter => {
    const live = sql<boolean>`(expires_at is null or expires_at > now())`

    async function findBy(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
      const row = await getDb()
        .selectFrom('mock_idp_store')
        .select(['payload', sql<number | null>`extract(epoch from consumed_at)::int`.as('consumed')])
        .where('provider', '=', provider)
        .where('model', '=', model)
        .where(column, '=', value)
        .where(live)
        .executeTakeFirst()
      if (!row) return undefined
      const payload = row.payload as AdapterPayload
      return row.consumed ? { ...payload, consumed: row.consumed } : payload
    }

    return {
      async upsert(id, payload, expiresIn) {
        const expires = expiresIn ? sql<Date>`now() + make_interval(secs => ${expiresIn})` : null
        const values = {
          provider,
          model,
          id,
          payload: JSON.stringify(payload),
          grant_id: payload.grantId ?? null,
          uid: payload.uid ?? null,
          user_code: payload.userCode ?? null,
          expires_at: expires,
        }
        await getDb()
          .insertInto('mock_idp_store')
          .values(values)
          .onConflict((oc) =>
            oc.columns(['provider', 'model', 'id']).doUpdateSet({
              payload: values.payload,
              grant_id: values.grant_id,
              uid: values.uid,
              user_code: values.user_code,
              expires_at: values.expires_at,
            }),
          )
          .execute()
        // Each login starts with an interaction: a good moment to clear what has expired.
        if (model === 'Interaction') {
          await getDb()
            .deleteFrom('mock_idp_store')
            .where('expires_at', '<', sql<Date>`now() - interval '1 hour'`)
            .execute()
        }
      },
      find: (id) => findBy('id', id),
      findByUid: (uid) => findBy('uid', uid),
      findByUserCode: (userCode) => findBy('user_code', userCode),
      async consume(id) {
        await getDb()
          .updateTable('mock_idp_store')
          .set({ consumed_at: sql<Date>`now()` })
          .where('provider', '=', provider)
          .where('model', '=', model)
          .where('id', '=', id)
          .execute()
      },
      async destroy(id) {
        await getDb()
          .deleteFrom('mock_idp_store')
          .where('provider', '=', provider)
          .where('model', '=', model)
          .where('id', '=', id)
          .execute()
      },
      async revokeByGrantId(grantId) {
        await getDb()
          .deleteFrom('mock_idp_store')
          .where('provider', '=', provider)
          .where('grant_id', '=', grantId)
          .execute()
      },
    }
  }
}
