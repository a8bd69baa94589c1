import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_sessions'
import * as m0004 from './0004_letters'
import * as m0005 from './0005_audit_chain'
import * as m0006 from './0006_my_data'
import * as m0007 from './0007_impersonation'
import * as m0008 from './0008_service_norms'
import * as m0010 from './0010_decisions_objections'
import * as m0011 from './0011_move_effect'
import * as m0014 from './0014_bounded_storage'
import * as m0018 from './0018_case_type_departments'
import * as m0019 from './0019_case_documents'
import * as m0020 from './0020_information_received'
import * as m0021 from './0021_case_messages'
import * as m0022 from './0022_questions'
import * as m0023 from './0023_knowledge_base'
import * as m0024 from './0024_question_letters'
import * as m0025 from './0025_eloket'
import * as m0026 from './0026_mock_psp'

/**
 * Every migration, in order. A static list rather than a folder scan, so the same code runs
 * under tsx, vitest and any bundler. Add a new file here with the next number.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_sessions': m0002,
  '0004_letters': m0004,
  '0005_audit_chain': m0005,
  '0006_my_data': m0006,
  '0007_impersonation': m0007,
  '0008_service_norms': m0008,
  '0010_decisions_objections': m0010,
  '0011_move_effect': m0011,
  '0014_bounded_storage': m0014,
  '0018_case_type_departments': m0018,
  '0019_case_documents': m0019,
  '0020_information_received': m0020,
  '0021_case_messages': m0021,
  '0022_questions': m0022,
  '0023_knowledge_base': m0023,
  '0024_question_letters': m0024,
  '0025_eloket': m0025,
  '0026_mock_psp': m0026,
}
