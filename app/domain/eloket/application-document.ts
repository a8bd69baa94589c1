/**
 * What an online application said, as the document of its case (kind 'application'): the
 * answers as the check page showed them, what the municipality already knew and used, and the
 * names of the files sent with it. Composed in the application's language and rendered with the
 * letters' fonts and tags (renderDocumentPdf in app/services/letters/pdf.server.ts), so the
 * caseworker reads exactly what the citizen confirmed. Pure.
 */
import type { ExportDocument } from '../data-export-document'
import { formatLetterDate } from '../letters-format'
import type { Language } from '../language'
import type { LocalDate } from '../local-date'
import type { Text } from './form'

const WORDS = {
  nl: {
    title: (what: string) => `Aanvraag ${what}`,
    intro: (name: string, date: string, reference: string) =>
      `${name} heeft deze aanvraag op ${date} via Mijn Stad verstuurd, ingelogd met DigiD. Zaaknummer: ${reference}.`,
    answers: 'Antwoorden',
    known: 'Dit wisten wij al van de aanvrager',
    files: 'Bijlagen',
    noFiles: 'Geen bijlagen.',
  },
  en: {
    title: (what: string) => `Application ${what}`,
    intro: (name: string, date: string, reference: string) =>
      `${name} sent this application on ${date} through Mijn Stad, logged in with DigiD. Case reference: ${reference}.`,
    answers: 'Answers',
    known: 'What we already knew about the applicant',
    files: 'Attachments',
    noFiles: 'No attachments.',
  },
} as const

export interface ApplicationDocumentInput {
  language: Language
  /** What was applied for, as the case type names it ("parkeervergunning"). */
  what: string
  reference: string
  name: string
  sentOn: LocalDate
  rows: Array<{ label: Text; value: Text }>
  facts: Array<{ label: Text; value: Text }>
  /** The files' names, by the question they answer. */
  files: Array<{ question: Text; name: string }>
}

/** The title of the document, as the case file lists it ("Aanvraag parkeervergunning"). */
export function applicationDocumentTitle(language: Language, what: string): string {
  return WORDS[language].title(what.toLocaleLowerCase(language === 'nl' ? 'nl-NL' : 'en-GB'))
}

export function composeApplicationDocument(input: ApplicationDocumentInput): ExportDocument {
  const lang = input.language
  const w = WORDS[lang]
  const facts = (items: Array<{ label: Text; value: Text }>) =>
    items.map((item) => ({ label: item.label[lang], value: item.value[lang] }))
  return {
    language: lang,
    title: applicationDocumentTitle(lang, input.what),
    intro: [w.intro(input.name, formatLetterDate(input.sentOn, lang), input.reference)],
    sections: [
      { heading: w.answers, parts: [{ blocks: [{ kind: 'facts', items: facts(input.rows) }] }] },
      ...(input.facts.length
        ? [{ heading: w.known, parts: [{ blocks: [{ kind: 'facts' as const, items: facts(input.facts) }] }] }]
        : []),
      {
        heading: w.files,
        parts: [
          {
            blocks: input.files.length
              ? [{ kind: 'list' as const, items: input.files.map((f) => `${f.name} (${f.question[lang]})`) }]
              : [{ kind: 'paragraph' as const, text: w.noFiles }],
          },
        ],
      },
    ],
  }
}
