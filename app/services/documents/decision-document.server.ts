/**
 * The decision as a document, in the transaction of the decided event that names it: stored
 * there (a caseworker's PDF with the decision form), or found there (a back office added it
 * before through the documents endpoint and names it by its own id). Either way the event's
 * payload names our document, so no decision points to a file that is not there.
 */
import type { Transaction } from 'kysely'
import type { Database } from '../../../db/schema'
import { addDocuments, type NewDocument } from '~/services/cases/documents.server'

export type DecisionDocument =
  /** a new file, stored now as kind `decision` */
  | { file: Omit<NewDocument, 'kind'> }
  /** the sender's own id of a document it added to this case before */
  | { sourceDocumentId: string }

/**
 * Our id of the decision's document on this case: the new one stored, or the one the sender
 * added before under its id (`null` when this sender added none under it to this case).
 */
export async function resolveDecisionDocument(
  trx: Transaction<Database>,
  caseId: string,
  document: DecisionDocument,
  { actor, occurredAt }: { actor: string; occurredAt: Date },
): Promise<string | null> {
  if ('file' in document) {
    const [stored] = await addDocuments(trx, caseId, [{ ...document.file, kind: 'decision' }], {
      addedBy: actor,
      addedAt: occurredAt,
    })
    return stored.id
  }
  const row = await trx
    .selectFrom('documents')
    .select('id')
    .where('case_id', '=', caseId)
    .where('added_by', '=', actor)
    .where('source_document_id', '=', document.sourceDocumentId)
    .executeTakeFirst()
  return row?.id ?? null
}
