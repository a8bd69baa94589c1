/**
 * The documents of a case as people see them: the kinds, who added one, and what a caseworker or
 * a back office may add. Pure and built into the browser too (the add form's choices).
 */

/** Every kind of document a case can hold (the `documents.kind` column). */
export const DOCUMENT_KINDS = [
  'application',
  'attachment',
  'decision',
  'answer',
  'objection',
  'other',
  'receipt',
] as const
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number]

/**
 * What a caseworker or a back office adds: an answer and an objection come from the citizen,
 * through their own forms, never from the municipality's side.
 */
export const ADDABLE_DOCUMENT_KINDS = ['application', 'attachment', 'decision', 'other'] as const
export type AddableDocumentKind = (typeof ADDABLE_DOCUMENT_KINDS)[number]

/** The longest title of a document (the database allows 200). */
export const DOCUMENT_TITLE_MAX = 200

/**
 * Who added a document, as the reader may see it. The citizen sees "you", a department or the
 * municipality — never an employee or a system by name; an employee sees who it was.
 */
export type AddedBy =
  | { by: 'you' }
  | { by: 'citizen' }
  | { by: 'municipality' }
  | { by: 'department'; name: string }
  | { by: 'employee'; name: string }
  | { by: 'system'; name: string }

/**
 * One line of a case's document list: a stored document (downloaded) or a letter the
 * municipality wrote (its page, and its PDF). A letter's size is not known until it is rendered.
 */
export interface CaseDocumentItem {
  id: string
  kind: DocumentKindName | 'letter'
  title: string
  /** Bytes; null for a letter. */
  size: number | null
  /** ISO instant. */
  addedAt: string
  addedBy: AddedBy
  href: string
  pdfHref?: string
  /** A letter not read yet. */
  unread?: boolean
  /** The letter's language when it is not the page's. */
  language?: string
}

/** 'citizen', 'employee:E1001', 'system:zaaksysteem' → the sender's kind and id. */
export function actorOf(addedBy: string): { kind: 'citizen' | 'employee' | 'system'; id: string } {
  if (addedBy.startsWith('employee:')) return { kind: 'employee', id: addedBy.slice('employee:'.length) }
  if (addedBy.startsWith('system:')) return { kind: 'system', id: addedBy.slice('system:'.length) }
  return { kind: 'citizen', id: '' }
}
