/**
 * The caseworker's view of reported moves: the list, and one move with who lives at the new
 * address now and what that signals. Only for an employee who handles moves
 * (case-scope.server.ts).
 */
import { sql } from 'kysely'
import type { DB } from '../../../db/client'
import { getDb } from '../../../db/instance'
import { localDateOf, todayIn, type LocalDate } from '~/domain/local-date'
import {
  ageOn,
  DEFAULT_RESIDENTS_WARNING,
  moveState,
  moveTakesEffectNow,
  residentSignals,
  type MoveState,
  type ResidentSignals,
} from '~/domain/move'
import { personNameOf } from '~/domain/person-name'
import { recordAudit } from '~/services/audit.server'
import { caseHandledBy, handledBy } from '~/services/cases/scope.server'
import { listDeliveriesForCase, type DeliveryView } from '~/services/outbound.server'
import { addressView, loadHousehold, type StaffActor } from '~/services/requests/kernel.server'
import { isRequestId } from '~/services/requests/move-address.server'

// --- the caseworker -------------------------------------------------------------------------

export interface MoveRequestListItem {
  id: string
  reference: string
  citizenName: string
  address: string
  moveDate: LocalDate
  coMovers: number
  state: MoveState
  submittedAt: Date
}

/**
 * Submitted moves waiting for a check first (an investigation running among them), then the
 * decided ones of the last weeks. Like every caseworker function below, only for an employee who
 * handles moves (case-scope.server.ts): for anyone else the list is empty and each request is not
 * found.
 */
export async function listMoveRequests(
  staff: StaffActor,
  { db = getDb() }: { db?: DB } = {},
): Promise<MoveRequestListItem[]> {
  const rows = await db
    .selectFrom('move_requests as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('persons as p', 'p.bsn', 'm.bsn')
    .innerJoin('addresses as a', 'a.id', 'm.address_id')
    .select([
      'm.id',
      'm.status',
      'm.applied_at',
      'm.move_date',
      'm.co_mover_bsns',
      'm.submitted_at',
      'c.reference',
      'p.given_names',
      'p.name_prefix',
      'p.surname',
    ])
    .select([
      'a.id as a_id',
      'a.street',
      'a.house_number',
      'a.house_letter',
      'a.house_number_addition',
      'a.postcode',
      'a.city',
    ])
    .where('m.status', '!=', 'draft')
    .where(handledBy(staff.employeeId, 'c.case_type_code'))
    .orderBy(sql`m.status in ('submitted', 'investigating')`, 'desc')
    .orderBy('m.submitted_at', 'desc')
    .limit(200)
    .execute()
  return rows.flatMap((r) =>
    r.status === 'draft'
      ? []
      : [
          {
            id: r.id,
            reference: r.reference,
            citizenName: personNameOf(r),
            address: addressView({ ...r, id: r.a_id }).oneLine,
            moveDate: r.move_date!,
            coMovers: r.co_mover_bsns.length,
            state: moveState(r.status, r.applied_at),
            submittedAt: r.submitted_at!,
          },
        ],
  )
}

export interface MoveResident {
  name: string
  age: number
}

export interface MoveRequestDetail extends MoveRequestListItem {
  caseId: string
  fromAddress: string | null
  movers: Array<{ name: string; role: 'declarant' | 'partner' | 'child' | 'parent' }>
  decisionReason: string | null
  /** who lives at the new address now, as the BRP shows it: names and ages, never a BSN */
  residents: MoveResident[]
  signals: ResidentSignals
  /** MOVE_RESIDENTS_WARNING: more people than this after the move gives a warning */
  residentsWarning: number
  /** the move date has come: an approval changes the address at once */
  takesEffectNow: boolean
  investigationStartedOn: LocalDate | null
  appliedAt: Date | null
  deliveries: DeliveryView[]
}

/**
 * A reported move as the caseworker checks it, with the residents of the new address and what
 * they signal (too many people after the move, an elderly person living alone). Viewing it is
 * audited on the declarant's record, and on each resident's: their names and ages were shown.
 */
export async function getMoveRequestForCaseworker(
  staff: StaffActor,
  id: string,
  {
    residentsWarning = DEFAULT_RESIDENTS_WARNING,
    now = new Date(),
    db = getDb(),
  }: { residentsWarning?: number; now?: Date; db?: DB } = {},
): Promise<MoveRequestDetail | null> {
  if (!isRequestId(id)) return null
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('move_requests')
      .selectAll()
      .where('id', '=', id)
      .where('status', '!=', 'draft')
      .where(caseHandledBy(staff.employeeId, 'case_id'))
      .executeTakeFirst()
    if (!row || row.status === 'draft' || !row.case_id || !row.address_id || !row.move_date) return null
    const movers = [row.bsn, ...row.co_mover_bsns]
    const [c, person, target, from, household, residents] = await Promise.all([
      trx.selectFrom('cases').select(['reference']).where('id', '=', row.case_id).executeTakeFirstOrThrow(),
      trx
        .selectFrom('persons')
        .select(['given_names', 'name_prefix', 'surname'])
        .where('bsn', '=', row.bsn)
        .executeTakeFirstOrThrow(),
      trx.selectFrom('addresses').selectAll().where('id', '=', row.address_id).executeTakeFirstOrThrow(),
      row.from_address_id
        ? trx.selectFrom('addresses').selectAll().where('id', '=', row.from_address_id).executeTakeFirst()
        : undefined,
      loadHousehold(row.bsn, { db: trx }),
      trx
        .selectFrom('persons')
        .select(['bsn', 'given_names', 'name_prefix', 'surname', 'birth_date'])
        .where('address_id', '=', row.address_id)
        .where('bsn', 'not in', movers)
        .orderBy('birth_date')
        .orderBy('bsn')
        .execute(),
    ])
    const today = todayIn(now)
    await recordAudit(trx, {
      actorKind: 'staff',
      actorId: staff.employeeId,
      action: 'personal_data.viewed',
      subjectBsn: row.bsn,
      resource: `move-request:${row.id}`,
      reason: `case:${c.reference}`,
    })
    for (const r of residents) {
      await recordAudit(trx, {
        actorKind: 'staff',
        actorId: staff.employeeId,
        action: 'personal_data.viewed',
        subjectBsn: r.bsn,
        resource: `move-request:${row.id}`,
        reason: `case:${c.reference}`,
        details: { items: ['name', 'age'], asResidentOfNewAddress: true },
      })
    }
    return {
      id: row.id,
      caseId: row.case_id,
      reference: c.reference,
      citizenName: personNameOf(person),
      address: addressView(target).oneLine,
      fromAddress: from ? addressView(from).oneLine : null,
      moveDate: row.move_date,
      coMovers: row.co_mover_bsns.length,
      state: moveState(row.status, row.applied_at),
      submittedAt: row.submitted_at!,
      movers: [
        { name: personNameOf(person), role: 'declarant' as const },
        ...household.filter((m) => row.co_mover_bsns.includes(m.bsn)).map((m) => ({ name: m.name, role: m.relation })),
      ],
      decisionReason: row.decision_reason,
      residents: residents.map((r) => ({ name: personNameOf(r), age: ageOn(r.birth_date, today) })),
      signals: residentSignals(
        residents.map((r) => r.birth_date),
        movers.length,
        residentsWarning,
        today,
      ),
      residentsWarning,
      takesEffectNow: moveTakesEffectNow(row.move_date, today),
      investigationStartedOn: row.investigation_started_at ? localDateOf(row.investigation_started_at) : null,
      appliedAt: row.applied_at,
      deliveries: await listDeliveriesForCase(row.case_id, trx),
    }
  })
}
