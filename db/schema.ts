import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

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
  // Timestamp already allows leaving it out on insert; Generated<…> would refuse a Date on update.
  updated_at: Timestamp
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
  // Timestamp already allows leaving it out on insert; Generated<…> would refuse a Date on update.
  updated_at: Timestamp
}

/** kcc: the customer contact centre (questions, calls, counter visits); editor: the knowledge base. */
export type StaffRole = 'support' | 'caseworker' | 'manager' | 'kcc' | 'editor'
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
  /** The day the decision term counts from (0010); null in older rows: the day of receipt. */
  term_from: LocalDateColumn | null
  /** The day an answer to a request for information came in, until the next event (0020). */
  information_received_on: LocalDateColumn | null
  last_event_seq: Generated<number>
  // Timestamp already allows leaving it out on insert; Generated<ColumnType> would refuse a Date on update.
  created_at: Timestamp
  updated_at: Timestamp
}

export type CaseEventType =
  | 'received'
  | 'step_reached'
  | 'suspended'
  | 'resumed'
  | 'extended'
  | 'decided'
  | 'closed'
  // 0020: the answer to a request for information (Awb 4:15)
  | 'information_received'
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
  /** A letter belongs to a case event, or (0022) to a question: exactly one of the two. */
  case_id: string | null
  event_id: string | null
  question_id: Generated<string | null>
  /** 0024: the acknowledgement or answer entry a question's letter sends; one letter per entry. */
  question_entry_id: Generated<string | null>
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
  /** When the e-mail notice of a digital letter was sent (0004). */
  notified_at: Timestamp | null
}

export interface ContactMomentsTable {
  id: Generated<string>
  bsn: string
  channel: 'phone' | 'counter' | 'internet' | 'email' | 'post' | 'chat'
  subject: string
  summary: string
  occurred_at: Timestamp // has a default; Timestamp already allows leaving it out
  employee_id: string | null
  /** 0022: the topic (app/domain/topics.ts), what it was about, and when it was recorded. */
  topic: string | null
  case_id: string | null
  question_id: string | null
  recorded_at: Timestamp // has a default
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

export type DigidLevelColumn = 'basis' | 'midden' | 'substantieel' | 'hoog'
export type SessionKind = 'citizen' | 'staff'
/** Portal sessions (migration 0002); the cookie holds a random token, this table its SHA-256. */
export interface SessionsTable {
  id_hash: string
  kind: SessionKind
  subject: string
  acting_bsn: string | null
  level: DigidLevelColumn | null
  name: string
  acting_name: string | null
  roles: ColumnType<StaffRole[], StaffRole[] | undefined, StaffRole[]>
  id_token: string | null
  created_at: Timestamp // Timestamp may be left out on insert (the column defaults to now())
  last_seen_at: Timestamp
  expires_at: Timestamp
  /** the staff session's active impersonation (migration 0007) */
  impersonation_id: ColumnType<string | null, string | null | undefined, string | null>
}

/** An OpenID Connect login between the redirect to the provider and its callback. */
export interface LoginRequestsTable {
  id_hash: string
  kind: SessionKind
  state: string
  nonce: string
  code_verifier: string
  return_to: string
  level: DigidLevelColumn | null
  created_at: Timestamp
  expires_at: Timestamp
  consumed_at: Timestamp | null
}

/** oidc-provider's adapter storage for the mock identity providers. */
export interface MockIdpStoreTable {
  provider: string
  model: string
  id: string
  payload: Json<Record<string, unknown>>
  grant_id: string | null
  uid: string | null
  user_code: string | null
  expires_at: Timestamp | null
  consumed_at: Timestamp | null
}

/** The quality charter's norms (migration 0008): configuration, from the charter's appendix 2 (/kwaliteitshandvest). */
export type NormMeasure = 'acknowledgement' | 'answer' | 'decision' | 'other'
export interface ServiceNormsTable {
  code: string
  position: number
  channel: ChannelColumn | 'chat' | null
  measure: NormMeasure
  measured_from_cases: ColumnType<boolean, never, never>
  term_amount: number | null
  term_unit: 'working_days' | 'weeks' | 'case_type' | 'seconds' | 'minutes' | 'hours' | null
  target_percent: number
  derived: Generated<boolean>
  norm_nl: string
  norm_en: string
  source: string
}

/** Statutory holidays (Algemene termijnenwet art. 3), 2000–2060, generated from the domain. */
export interface NonWorkingDaysTable {
  day: LocalDateColumn
  name: string
}

/** My data (migration 0006); investigating, withdrawn and applied_at: migration 0011. */
export type MoveRequestStatus = 'draft' | 'submitted' | 'investigating' | 'approved' | 'refused' | 'withdrawn'
export interface MoveRequestsTable {
  id: Generated<string>
  bsn: string
  status: Generated<MoveRequestStatus>
  from_address_id: string | null
  address_id: string | null
  move_date: LocalDateColumn | null
  co_mover_bsns: ColumnType<string[], string[] | undefined, string[]>
  co_movers_chosen: Generated<boolean>
  case_id: string | null
  decision_reason: string | null
  decided_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
  submitted_at: Timestamp | null
  decided_at: Timestamp | null
  /** when an approved move took effect; null while it waits for its date (migration 0011) */
  applied_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  investigation_started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  investigated_by: ColumnType<string | null, string | null | undefined, string | null>
}

/** People a case is about besides its citizen: the co-movers of a move (migration 0011). */
export interface CasePartiesTable {
  case_id: string
  bsn: string
  role: 'co_mover'
  added_at: Timestamp
}

export type CorrectionRequestStatus = 'draft' | 'submitted' | 'accepted' | 'refused'
export interface CorrectionRequestsTable {
  id: Generated<string>
  bsn: string
  status: Generated<CorrectionRequestStatus>
  field: string
  current_value: string | null
  proposed_value: string
  explanation: string
  evidence_name: string | null
  evidence_type: 'application/pdf' | 'image/jpeg' | 'image/png' | null
  evidence_size: number | null
  evidence: Buffer | null
  case_id: string | null
  decision_reason: string | null
  decided_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
  submitted_at: Timestamp | null
  decided_at: Timestamp | null
}

export interface PersonChangesTable {
  id: Generated<string>
  bsn: string
  field: string
  old_value: string | null
  new_value: string | null
  changed_at: Timestamp
  source: string
  case_id: string | null
  actor: string
}

export interface EmailConfirmationsTable {
  id: Generated<string>
  token_hash: string
  bsn: string
  email: string
  created_at: Timestamp
  expires_at: Timestamp
  confirmed_at: Timestamp | null
  cancelled_at: Timestamp | null
}

export interface SubscriptionsTable {
  id: string
  name: string
  event_types: ColumnType<string[], string[] | undefined, string[]>
  endpoint_url: string
  secret: string
  active: Generated<boolean>
  created_at: Timestamp
}

export type OutboundStatus = 'pending' | 'delivered' | 'failed'
export interface OutboundEventsTable {
  id: Generated<string>
  event_id: string
  event_type: string
  subscription_id: string
  payload: Json<Record<string, unknown>>
  case_id: string | null
  status: Generated<OutboundStatus>
  attempts: Generated<number>
  next_attempt_at: Timestamp | null
  delivered_at: Timestamp | null
  last_error: string | null
  created_at: Timestamp
}

/** Support staff viewing as a citizen (migration 0007): at most 15 minutes, read-only. */
export type ImpersonationReason = 'phone' | 'counter' | 'mail' | 'other'
export type ImpersonationEndedBy = 'employee' | 'timeout' | 'logout'
export interface ImpersonationsTable {
  id: Generated<string>
  employee_id: string
  employee_name: string
  bsn: string
  reason_code: ImpersonationReason
  reason_text: string | null
  reference: string
  started_at: Timestamp
  expires_at: Timestamp
  ended_at: Timestamp | null
  ended_by: ImpersonationEndedBy | null
}

/** The files of a case (0010): bytes in PostgreSQL, size and SHA-256 checked by the database. */
/** `other` (0019): a document added by a caseworker or a back office that is none of the rest. */
/** `receipt` (0025): the receipt of a payment, on the case it paid for. */
export type DocumentKind = 'application' | 'attachment' | 'decision' | 'answer' | 'objection' | 'other' | 'receipt'
export interface DocumentsTable {
  id: Generated<string>
  /** The order of adding (an identity column): several documents share one transaction's time. */
  seq: Generated<string>
  case_id: string
  kind: DocumentKind
  title: string
  media_type: string
  size: number
  sha256: string
  bytes: Buffer
  added_by: string
  added_at: Timestamp
  /** A back office's own id of the document (0019), unique per sender. */
  source_document_id: string | null
}

/** A citizen's objection to one decision (0010): a draft, then a case `bezwaar` of its own. */
export interface ObjectionsTable {
  id: Generated<string>
  bsn: string
  decision_case_id: string
  decision_event_id: string
  status: Generated<'draft' | 'submitted'>
  grounds: string
  late_reason: string | null
  late: Generated<boolean>
  case_id: string | null
  created_at: Timestamp
  updated_at: Timestamp
  submitted_at: Timestamp | null
}

/** The files chosen on an objection's form, until it is sent (0010). */
export interface ObjectionDraftFilesTable {
  id: Generated<string>
  seq: Generated<string>
  objection_id: string
  name: string
  media_type: string
  size: number
  sha256: string
  bytes: Buffer
  added_at: Timestamp
}

/** rate-limiter-flexible's PostgreSQL store (migration 0014): a counter per key until `expire`. */
export interface RateLimitsTable {
  key: string
  points: number
  /** epoch milliseconds, as bigint (a string from pg) */
  expire: ColumnType<string | null, number | null, number | null>
}

/** Messages with the caseworker on a case (0021): a conversation, text only. */
export interface CaseMessagesTable {
  id: Generated<string>
  /** The order of sending (an identity column, a string from pg). */
  seq: Generated<string>
  case_id: string
  author_kind: 'citizen' | 'employee'
  employee_id: string | null
  body: string
  sent_at: Timestamp
  read_at: Timestamp | null
  notified_at: Timestamp | null
  answers_id: string | null
  holding: Generated<boolean>
  form_id: string
}

export type QuestionChannel = 'internet' | 'email' | 'post'
export type AnswerChannel = 'portal' | 'email' | 'letter' | 'phone'
export type QuestionEntryKind = 'question' | 'acknowledgement' | 'answer' | 'follow_up' | 'handover' | 'note'

/** Questions to the municipality (0022): who asked, how it came in, its terms and its holder. */
export interface QuestionsTable {
  id: Generated<string>
  seq: Generated<string>
  /** V-2026-000123, from `question_reference_seq`. */
  reference: string
  /** The citizen, when asked logged in or registered for a known citizen; null on the public form. */
  bsn: string | null
  contact_name: string | null
  email: string | null
  phone: string | null
  topic: string
  channel: QuestionChannel
  answer_channel: AnswerChannel
  language: 'nl' | 'en'
  received_at: Timestamp
  registered_at: Timestamp // has a default; Timestamp already allows leaving it out
  registered_by: string | null
  acknowledge_by: LocalDateColumn
  answer_by: LocalDateColumn
  /** The department holding it after a hand-over; null: the contact centre. */
  department: string | null
  case_id: string | null
  answered_at: Timestamp | null
  form_id: string
}

/** The thread of a question and its events (0022); hand-overs and notes stay internal. */
export interface QuestionEntriesTable {
  id: Generated<string>
  seq: Generated<string>
  question_id: string
  kind: QuestionEntryKind
  author_kind: 'citizen' | 'employee' | 'system'
  employee_id: string | null
  body: string
  department: string | null
  article_slugs: ColumnType<string[], string[] | undefined, string[]>
  sent_via: AnswerChannel | null
  at: Timestamp // has a default; Timestamp already allows leaving it out
  read_at: Timestamp | null
  form_id: string | null
}

export interface QuestionAttachmentsTable {
  id: Generated<string>
  question_id: string
  entry_id: string
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  added_at: Timestamp // has a default
}

/** A knowledge base article (0023): its address, topic and the version the public sees. */
export interface KnowledgeArticlesTable {
  id: Generated<string>
  slug: string
  topic: string
  /** null while the article has only drafts */
  published_version: number | null
  /** the newest version of any status; a save made from an older one is refused */
  latest_version: Generated<number>
  created_at: Timestamp
  /** when the published version was published */
  updated_at: Timestamp
}

/** The texts of an article in one language, as db/seed/knowledge-articles.ts ArticleText. */
export interface KnowledgeTextColumn {
  title: string
  summary: string
  what: string
  forWhom: string
  cost: string
  duration: string
  bring: string[]
}

export interface KnowledgeOnwardColumn {
  apply?: string
  ask: boolean
  appointment: boolean
}

/** Every version of an article (0023), never changed; the search columns are set by a trigger. */
export interface KnowledgeArticleVersionsTable {
  article_id: string
  version: number
  status: 'draft' | 'published'
  topic: string
  nl: Json<KnowledgeTextColumn>
  en: Json<KnowledgeTextColumn>
  synonyms: ColumnType<string[], string[] | undefined, string[]>
  onward: Json<KnowledgeOnwardColumn>
  /** who saved it; null for the seed */
  employee_id: string | null
  note: string | null
  created_at: Timestamp
  search_nl: Generated<string>
  search_en: Generated<string>
  terms: Generated<string>
}

export interface KnowledgeTermsTable {
  term: string
}

/** An e-loket application (0025): a draft, then awaiting its payment, then the case it became. */
export type ApplicationStatus = 'draft' | 'awaiting_payment' | 'submitted'
/** What a citizen answered: question id → a text, or the texts of a multiple choice. */
export type ApplicationAnswers = Record<string, string | string[]>
export interface ApplicationsTable {
  id: Generated<string>
  bsn: string
  service: string
  status: Generated<ApplicationStatus>
  answers: ColumnType<ApplicationAnswers, ApplicationAnswers | string | undefined, ApplicationAnswers | string>
  last_page: string | null
  language: Generated<'nl' | 'en'>
  fee_cents: number | null
  case_id: string | null
  created_at: Timestamp
  updated_at: Timestamp
  submitted_at: Timestamp | null
}

/** A file chosen for a file question of an application (0025), kept until it is sent. */
export interface ApplicationFilesTable {
  id: Generated<string>
  seq: Generated<string>
  application_id: string
  question: string
  name: string
  media_type: string
  size: number
  sha256: string
  bytes: Buffer
  added_at: Timestamp
}

/** A payment's status as the payment service provider last reported it (Mollie's v2 statuses). */
export type PaymentStatus = 'open' | 'pending' | 'authorized' | 'paid' | 'failed' | 'canceled' | 'expired'
export interface PaymentsTable {
  id: Generated<string>
  application_id: string
  provider_id: string
  amount_cents: number
  currency: Generated<string>
  description: string
  status: PaymentStatus
  method: string | null
  checkout_url: string | null
  created_at: Timestamp
  updated_at: Timestamp
  expires_at: Timestamp | null
  paid_at: Timestamp | null
}

/** A "Voor u" suggestion a citizen put away (0025); the key names the suggestion and its fact. */
export interface SuggestionDismissalsTable {
  bsn: string
  suggestion: string
  dismissed_at: Timestamp
}

/** A payment at the mock payment service provider (0026, server/mock-psp): its side, not the portal's. */
export interface MockPspPaymentsTable {
  id: string
  amount_value: string
  currency: string
  description: string
  redirect_url: string
  webhook_url: string | null
  metadata: ColumnType<unknown, string | null, string | null>
  locale: string | null
  status: PaymentStatus
  method: string | null
  created_at: Timestamp
  expires_at: Timestamp
  settled_at: Timestamp | null
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
  sessions: SessionsTable
  login_requests: LoginRequestsTable
  mock_idp_store: MockIdpStoreTable
  service_norms: ServiceNormsTable
  non_working_days: NonWorkingDaysTable
  move_requests: MoveRequestsTable
  case_parties: CasePartiesTable
  correction_requests: CorrectionRequestsTable
  person_changes: PersonChangesTable
  email_confirmations: EmailConfirmationsTable
  subscriptions: SubscriptionsTable
  outbound_events: OutboundEventsTable
  impersonations: ImpersonationsTable
  documents: DocumentsTable
  objections: ObjectionsTable
  objection_draft_files: ObjectionDraftFilesTable
  rate_limits: RateLimitsTable
  case_messages: CaseMessagesTable
  questions: QuestionsTable
  question_entries: QuestionEntriesTable
  question_attachments: QuestionAttachmentsTable
  knowledge_articles: KnowledgeArticlesTable
  knowledge_article_versions: KnowledgeArticleVersionsTable
  knowledge_terms: KnowledgeTermsTable
  applications: ApplicationsTable
  application_files: ApplicationFilesTable
  payments: PaymentsTable
  suggestion_dismissals: SuggestionDismissalsTable
  mock_psp_payments: MockPspPaymentsTable
}

export type Person = Selectable<PersonsTable>
export type NewPerson = Insertable<PersonsTable>
export type Address = Selectable<AddressesTable>
export type Employee = Selectable<EmployeesTable>
export type SessionRow = Selectable<SessionsTable>
export type LoginRequestRow = Selectable<LoginRequestsTable>
