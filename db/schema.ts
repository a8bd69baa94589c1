import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The database as Kysely sees it. Calendar dates (`date`) arrive as 'YYYY-MM-DD' strings (see the
 * type parser in client.ts); instants (`timestamptz`) as Date. Keep in step with db/migrations.
 */
type LocalDateColumn = string
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T = unknown> = ColumnType<T, T | string, T | string>

export interface AddressesTable {
  id: string
  street: string
  house_number: number
  house_letter: string | null
  house_number_addition: string | null
  postcode: string
  city: string
}

export interface PersonsTable {
  bsn: string
  given_names: string
  name_prefix: string | null
  surname: string
  gender: 'M' | 'V' | 'O'
  birth_date: LocalDateColumn
  birth_place: string
  birth_country: Generated<string>
  nationality: string
  address_id: string | null
  moved_in_on: LocalDateColumn | null
  address_in_research: Generated<boolean>
  updated_at: Generated<Timestamp>
}

export interface AddressHistoryTable {
  id: Generated<string>
  bsn: string
  address_id: string
  from_date: LocalDateColumn
  to_date: LocalDateColumn | null
  source: Generated<string>
}

export interface RelationsTable {
  bsn: string
  related_bsn: string
  kind: 'partner' | 'child' | 'parent'
  since: LocalDateColumn | null
}

export interface ContactDetailsTable {
  bsn: string
  email: string | null
  email_verified_at: Timestamp | null
  phone: string | null
  letter_channel: Generated<'digital' | 'paper'>
  language: Generated<'nl' | 'en'>
  updated_at: Generated<Timestamp>
}

export type StaffRole = 'support' | 'caseworker' | 'manager'
export interface EmployeesTable {
  id: string
  name: string
  email: string
  phone: string
  department: string
  roles: ColumnType<StaffRole[], StaffRole[] | undefined, StaffRole[]>
}

export interface CaseTypesTable {
  code: string
  name_nl: string
  name_en: string
  description_nl: string
  description_en: string
  department: string
  lead_time_amount: number
  lead_time_unit: 'days' | 'weeks'
  extension_amount: number | null
  extension_unit: 'days' | 'weeks' | null
  suspension_allowed: Generated<boolean>
  legal_basis: string
  default_contact_id: string | null
}

export interface CaseTypeStepsTable {
  case_type_code: string
  position: number
  code: string
  name_nl: string
  name_en: string
  explanation_nl: string
  explanation_en: string
  final: Generated<boolean>
  informs_citizen: Generated<boolean>
}

export type ChannelColumn = 'internet' | 'email' | 'post' | 'counter' | 'phone'
export type CaseStatus = 'open' | 'suspended' | 'decided' | 'closed'
export interface CasesTable {
  id: Generated<string>
  reference: string
  case_type_code: string
  bsn: string
  subject: string
  channel: ChannelColumn
  received_on: LocalDateColumn
  contact_employee_id: string | null
  external_id: string | null
  source: string | null
  status: CaseStatus
  current_step: string
  ack_due_on: LocalDateColumn
  decision_due_on: LocalDateColumn
  extended: Generated<boolean>
  outcome: string | null
  decided_on: LocalDateColumn | null
  closed_on: LocalDateColumn | null
  last_event_seq: Generated<number>
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export type CaseEventType = 'received' | 'step_reached' | 'suspended' | 'resumed' | 'extended' | 'decided' | 'closed'
export interface CaseEventsTable {
  id: Generated<string>
  case_id: string
  seq: number
  type: CaseEventType
  payload: Json<Record<string, unknown>>
  occurred_at: Timestamp
  recorded_at: Generated<Timestamp>
  actor: string
  source: string
  source_event_id: string
}

export interface LettersTable {
  id: Generated<string>
  case_id: string
  event_id: string
  bsn: string
  template_code: string
  template_version: number
  language: 'nl' | 'en'
  title: string
  content: Json<unknown>
  letter_date: LocalDateColumn
  delivery: 'digital' | 'paper'
  created_at: Generated<Timestamp>
  read_at: Timestamp | null
  printed_at: Timestamp | null
}

export interface ContactMomentsTable {
  id: Generated<string>
  bsn: string
  channel: string
  subject: string
  summary: string
  occurred_at: Generated<Timestamp>
  employee_id: string | null
}

export interface SourceSystemsTable {
  id: string
  name: string
  token_hash: string
  active: Generated<boolean>
}

export type ActorKind = 'citizen' | 'staff' | 'staff_as_citizen' | 'representative' | 'system'
export interface AuditLogTable {
  id: Generated<string>
  at: Generated<Timestamp>
  actor_kind: ActorKind
  actor_id: string
  action: string
  subject_bsn: string | null
  resource: string | null
  reason: string | null
  details: Json<Record<string, unknown>>
  prev_hash: string
  hash: string
}

export interface Database {
  addresses: AddressesTable
  persons: PersonsTable
  address_history: AddressHistoryTable
  relations: RelationsTable
  contact_details: ContactDetailsTable
  employees: EmployeesTable
  case_types: CaseTypesTable
  case_type_steps: CaseTypeStepsTable
  cases: CasesTable
  case_events: CaseEventsTable
  letters: LettersTable
  contact_moments: ContactMomentsTable
  source_systems: SourceSystemsTable
  audit_log: AuditLogTable
}

export type Person = Selectable<PersonsTable>
export type NewPerson = Insertable<PersonsTable>
export type Address = Selectable<AddressesTable>
export type CaseRow = Selectable<CasesTable>
export type CaseUpdate = Updateable<CasesTable>
export type Employee = Selectable<EmployeesTable>
