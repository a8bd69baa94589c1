/**
 * The readable (PDF) form of the citizen's copy of their data (data-export.ts): the same data as
 * the JSON, composed in the reader's language; `t` brings the words. Pure.
 */
import type { Fact, LetterBlock } from './letters'
import { formatLetterDate, type LetterLanguage } from './letters-format'
import { MUNICIPAL_TIME_ZONE, type LocalDate } from './local-date'
import type { DataExport, Instant } from './data-export'

/** A translate function: key (in the `export` namespace) and values → text. */
export type Translate = (key: string, values?: Record<string, unknown>) => string

export interface ExportDocumentPart {
  /** a sub-heading (h3), e.g. a case's reference */
  heading?: string
  blocks: LetterBlock[]
}

export interface ExportDocument {
  language: LetterLanguage
  title: string
  intro: string[]
  sections: Array<{ heading: string; parts: ExportDocumentPart[] }>
}

const instantFormats = new Map<string, Intl.DateTimeFormat>()
/** A moment as the reader reads it, in the municipality's time zone: "30 november 2026, 20:05". */
export function formatInstant(instant: Instant, language: LetterLanguage): string {
  let format = instantFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
      timeZone: MUNICIPAL_TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    instantFormats.set(language, format)
  }
  return format.format(new Date(instant))
}

/** A file's size as people read it: "240 kB", "1,4 MB". */
function sizeText(bytes: number, language: LetterLanguage): string {
  const n = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })
  const kb = bytes / 1024
  return kb < 1024 ? `${n.format(Math.max(kb, 0.1))} kB` : `${n.format(kb / 1024)} MB`
}

/**
 * The copy as a document to read: the same data as the JSON, every section in the same order,
 * in the reader's language. An empty section says so rather than disappearing, so the reader
 * knows we hold nothing of that kind.
 */
export function composeExportDocument(data: DataExport, t: Translate): ExportDocument {
  const lang = data.language
  const date = (d: LocalDate | null) => (d ? formatLetterDate(d, lang) : t('none'))
  const moment = (i: Instant | null) => (i ? formatInstant(i, lang) : t('none'))
  const text = (v: string | null | undefined) => (v && v.trim() ? v : t('none'))
  const facts = (items: Array<[string, string]>): LetterBlock => ({
    kind: 'facts',
    items: items.map(([label, value]): Fact => ({ label, value })),
  })
  const orNone = (parts: ExportDocumentPart[], key: string): ExportDocumentPart[] =>
    parts.length ? parts : [{ blocks: [{ kind: 'paragraph', text: t(key) }] }]
  const code = (group: string, value: string | null) =>
    value ? t(`codes.${group}.${value}`, { defaultValue: value }) : t('none')
  /** An event's detail as words: dates written out, codes named, a step by its name. */
  const eventDetail = (key: string, value: string, all: Record<string, string>): string => {
    if (key === 'receivedOn' || key === 'respondBy') return `${t(`fields.${key}`)} ${date(value)}`
    if (key === 'channel') return code('channel', value)
    if (key === 'outcome') return code('outcome', value)
    if (key === 'step') return all.stepName ? '' : value
    return value
  }
  /** A case's messages, answers and documents, each under its own heading; only what there is. */
  const caseConversation = (c: DataExport['cases'][number]): LetterBlock[] => {
    const oneLine = (v: string) => v.replace(/\s*\n\s*/g, ' ').trim()
    const by = (from: 'you' | 'municipality', author: string | null, department: string | null) =>
      from === 'you'
        ? t('who.you')
        : [author ? t('pdf.fromMunicipality', { name: author }) : t('pdf.municipality'), department]
            .filter(Boolean)
            .join(', ')
    const blocks: LetterBlock[] = []
    const { messages, informationAnswers: answers, documents } = c
    if (messages.length)
      blocks.push(
        { kind: 'heading', text: t('pdf.messages') },
        {
          kind: 'list',
          items: messages.map(
            (m) =>
              `${moment(m.sentAt)}, ${by(m.from, m.author, m.department)}${m.acknowledgement ? ` (${t('pdf.acknowledgement')})` : ''}: ${oneLine(m.text)} (${m.readAt ? t('pdf.readOn', { when: moment(m.readAt) }) : t('pdf.notRead')})`,
          ),
        },
      )
    if (answers.length)
      blocks.push(
        { kind: 'heading', text: t('pdf.informationAnswers') },
        {
          kind: 'list',
          items: answers.map((a) =>
            [
              `${date(a.receivedOn)}, ${code('channel', a.channel)}: ${a.text ? oneLine(a.text) : t('pdf.onlyFiles')}`,
              a.files.length ? ` (${t('pdf.files', { files: a.files.join(', ') })})` : '',
            ].join(''),
          ),
        },
      )
    if (documents.length)
      blocks.push(
        { kind: 'heading', text: t('pdf.documents') },
        {
          kind: 'list',
          items: documents.map((d) =>
            [
              d.title,
              code('documentKind', d.kind),
              moment(d.addedAt),
              sizeText(d.bytes, lang),
              t('pdf.addedBy', { who: d.addedBy === 'you' ? t('pdf.byYou') : by(d.addedBy, null, d.department) }),
            ].join(' · '),
          ),
        },
      )
    return blocks
  }
  const p = data.person
  const name = [p.givenNames, p.namePrefix, p.surname].filter(Boolean).join(' ')

  const sections: ExportDocument['sections'] = [
    {
      heading: t('pdf.person'),
      parts: [
        {
          blocks: [
            facts([
              [t('fields.bsn'), p.bsn],
              [t('fields.givenNames'), p.givenNames],
              ...(p.namePrefix ? [[t('fields.namePrefix'), p.namePrefix] as [string, string]] : []),
              [t('fields.surname'), p.surname],
              [t('fields.gender'), code('gender', p.gender)],
              [t('fields.birthDate'), date(p.birthDate)],
              [t('fields.birthPlace'), p.birthPlace],
              [t('fields.birthCountry'), p.birthCountry],
              [t('fields.nationality'), p.nationality],
              [t('fields.address'), p.address ? p.address.oneLine : t('none')],
              ...(p.address
                ? [
                    [t('fields.since'), date(p.address.since)] as [string, string],
                    ...(p.address.inResearch ? [[t('fields.inResearch'), t('yes')] as [string, string]] : []),
                  ]
                : []),
              [t('fields.source'), t('sourceBrp')],
              [t('fields.updatedAt'), moment(p.updatedAt)],
            ]),
          ],
        },
      ],
    },
    {
      heading: t('pdf.addressHistory'),
      parts: orNone(
        data.addressHistory.length
          ? [
              {
                blocks: [
                  {
                    kind: 'list',
                    items: data.addressHistory.map((h) =>
                      h.to
                        ? t('pdf.period', { address: h.address.oneLine, from: date(h.from), to: date(h.to) })
                        : t('pdf.periodCurrent', { address: h.address.oneLine, from: date(h.from) }),
                    ),
                  },
                ],
              },
            ]
          : [],
        'pdf.noAddressHistory',
      ),
    },
    {
      heading: t('pdf.household'),
      parts: orNone(
        data.household.length
          ? [
              {
                blocks: [
                  facts(
                    data.household.map((m) => [
                      code('relation', m.relation),
                      `${m.name}, ${t('pdf.bornOn', { date: date(m.birthDate) })}, ${t(m.livesWithYou ? 'pdf.livesWithYou' : 'pdf.livesElsewhere')}`,
                    ]),
                  ),
                ],
              },
            ]
          : [],
        'pdf.noHousehold',
      ),
    },
    {
      heading: t('pdf.contactDetails'),
      parts: orNone(
        data.contactDetails
          ? [
              {
                blocks: [
                  facts([
                    [t('fields.email'), text(data.contactDetails.email)],
                    ...(data.contactDetails.pendingEmail
                      ? [[t('fields.pendingEmail'), data.contactDetails.pendingEmail] as [string, string]]
                      : []),
                    [t('fields.phone'), text(data.contactDetails.phone)],
                    [t('fields.letterChannel'), code('letterChannel', data.contactDetails.letterChannel)],
                    [t('fields.language'), code('language', data.contactDetails.language)],
                    [t('fields.updatedAt'), moment(data.contactDetails.updatedAt)],
                  ]),
                ],
              },
            ]
          : [],
        'pdf.noContactDetails',
      ),
    },
    {
      heading: t('pdf.dataChanges'),
      parts: orNone(
        data.dataChanges.length
          ? [
              {
                blocks: [
                  {
                    kind: 'list',
                    items: data.dataChanges.map((c) =>
                      t('pdf.change', {
                        when: moment(c.changedAt),
                        item: code('item', c.item),
                        from: text(c.oldValue),
                        to: text(c.newValue),
                      }),
                    ),
                  },
                ],
              },
            ]
          : [],
        'pdf.noDataChanges',
      ),
    },
    {
      heading: t('pdf.cases'),
      parts: orNone(
        data.cases.map((c) => ({
          heading: `${c.reference}: ${c.caseType}`,
          blocks: [
            facts([
              [t('fields.subject'), c.subject],
              [t('fields.status'), code('status', c.status)],
              [t('fields.currentStep'), c.currentStep],
              [t('fields.channel'), code('channel', c.channel)],
              [t('fields.receivedOn'), date(c.receivedOn)],
              [t('fields.decisionDueOn'), date(c.decisionDueOn)],
              ...(c.extended ? [[t('fields.extended'), t('yes')] as [string, string]] : []),
              ...(c.outcome ? [[t('fields.outcome'), code('outcome', c.outcome)] as [string, string]] : []),
              ...(c.decidedOn ? [[t('fields.decidedOn'), date(c.decidedOn)] as [string, string]] : []),
              ...(c.closedOn ? [[t('fields.closedOn'), date(c.closedOn)] as [string, string]] : []),
              [
                t('fields.contactPerson'),
                c.contactPerson ? `${c.contactPerson.name}, ${c.contactPerson.phone}` : t('none'),
              ],
            ]),
            {
              kind: 'list',
              items: c.events.map((e) => {
                const details = Object.entries(e.details)
                  .map(([key, value]) => eventDetail(key, value, e.details))
                  .filter(Boolean)
                  .join('; ')
                return `${moment(e.occurredAt)}: ${code('event', e.type)}${details ? ` (${details})` : ''}`
              }),
            },
            ...caseConversation(c),
          ],
        })),
        'pdf.noCases',
      ),
    },
    {
      heading: t('pdf.letters'),
      parts: orNone(
        data.letters.map((l) => ({
          heading: `${formatLetterDate(l.date, lang)}: ${l.title}`,
          blocks: [
            facts([
              [t('fields.caseReference'), l.caseReference],
              [t('fields.delivery'), code('letterChannel', l.delivery)],
              [t('fields.readAt'), l.readAt ? moment(l.readAt) : t('pdf.notRead')],
            ]),
            ...l.text
              .split('\n')
              .filter((line) => line.trim())
              .map((line): LetterBlock => ({ kind: 'paragraph', text: line })),
          ],
        })),
        'pdf.noLetters',
      ),
    },
    {
      heading: t('pdf.correctionRequests'),
      parts: orNone(
        data.correctionRequests.map((r) => ({
          heading: t('pdf.correctionOf', { item: code('item', r.item) }),
          blocks: [
            facts([
              [t('fields.status'), code('request', r.status)],
              [t('fields.currentValue'), text(r.currentValue)],
              [t('fields.proposedValue'), r.proposedValue],
              [t('fields.explanation'), text(r.explanation)],
              [t('fields.evidence'), r.evidence ? r.evidence.name : t('none')],
              [t('fields.caseReference'), text(r.caseReference)],
              [t('fields.createdAt'), moment(r.createdAt)],
              ...(r.decidedAt ? [[t('fields.decidedAt'), moment(r.decidedAt)] as [string, string]] : []),
              ...(r.decisionReason ? [[t('fields.decisionReason'), r.decisionReason] as [string, string]] : []),
            ]),
          ],
        })),
        'pdf.noCorrectionRequests',
      ),
    },
    {
      heading: t('pdf.moves'),
      parts: orNone(
        data.moves.map((m) => ({
          heading: t('pdf.moveTo', { address: text(m.toAddress) }),
          blocks: [
            facts([
              [t('fields.status'), code('request', m.status)],
              [t('fields.fromAddress'), text(m.fromAddress)],
              [t('fields.moveDate'), date(m.moveDate)],
              [t('fields.coMovers'), m.coMovers.length ? m.coMovers.join(', ') : t('none')],
              [t('fields.caseReference'), text(m.caseReference)],
              [t('fields.createdAt'), moment(m.createdAt)],
              ...(m.decidedAt ? [[t('fields.decidedAt'), moment(m.decidedAt)] as [string, string]] : []),
              ...(m.decisionReason ? [[t('fields.decisionReason'), m.decisionReason] as [string, string]] : []),
            ]),
          ],
        })),
        'pdf.noMoves',
      ),
    },
    {
      heading: t('pdf.contactMoments'),
      parts: orNone(
        data.contactMoments.length
          ? [
              {
                blocks: [
                  {
                    kind: 'list',
                    items: data.contactMoments.map(
                      (c) => `${moment(c.occurredAt)}, ${code('channel', c.channel)}: ${c.subject}. ${c.summary}`,
                    ),
                  },
                ],
              },
            ]
          : [],
        'pdf.noContactMoments',
      ),
    },
    {
      heading: t('pdf.questions'),
      parts: orNone(
        data.questions.map((q) => ({
          heading: `${q.reference}, ${moment(q.receivedAt)}`,
          blocks: [
            {
              kind: 'list' as const,
              items: q.entries.map(
                (e) => `${moment(e.at)}, ${t(`questionEntries.${e.kind}`, { defaultValue: e.kind })}: ${e.text}`,
              ),
            },
          ],
        })),
        'pdf.noQuestions',
      ),
    },
    {
      heading: t('pdf.viewedBy'),
      parts: orNone(
        data.viewedBy.length
          ? [
              {
                blocks: [
                  {
                    kind: 'list',
                    items: data.viewedBy.map((v) => {
                      const who = v.employee ?? t(`who.${v.who}`)
                      const what = t(`viewed.${v.action.replace(/\./g, '_')}`, {
                        reference: v.caseReference ?? '',
                        defaultValue: t('viewed.other'),
                      })
                      return `${moment(v.at)}: ${who} ${what}${v.reason ? ` (${v.reason})` : ''}`
                    }),
                  },
                ],
              },
            ]
          : [],
        'pdf.noViewedBy',
      ),
    },
  ]
  return {
    language: lang,
    title: t('pdf.title'),
    intro: [
      t('pdf.intro', { name, when: formatInstant(data.generatedAt, lang) }),
      t('pdf.introRights'),
      t('pdf.introQuestions', { controller: data.controller.name, phone: data.controller.phone }),
    ],
    sections,
  }
}
