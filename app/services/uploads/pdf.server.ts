/**
 * Does a PDF carry something that runs or opens by itself? A PDF reader acts on names in the
 * file's dictionaries (ISO 32000-1): an action of type /JavaScript (the script in /JS), /Launch
 * (starts a program or opens a file), files embedded in it (/EmbeddedFile, /EmbeddedFiles, a
 * /FileAttachment annotation), /RichMedia (Flash and video with their own scripts), and XFA
 * forms (/XFA; XML forms with their own scripting, deprecated in PDF 2.0 — we take none). A PDF
 * with any of them is refused; a letter, a scan or a form printed to PDF has none.
 *
 * What makes it harder, and how it is met:
 * - A name may write any character as `#xx` (§7.3.5): `/J#61vaScript` is `/JavaScript`. Names
 *   are decoded before they are compared.
 * - Objects may sit compressed inside an object stream (§7.5.7, /Type /ObjStm, mostly
 *   /FlateDecode): such streams are inflated (node:zlib, bounded) and read the same way. An
 *   object stream that does not inflate, uses another filter, or inflates past the bound is
 *   refused rather than trusted — as is an encrypted file's, which cannot be read.
 * Everything is read with a bounded amount of work: one pass over the file, and at most
 * MAX_INFLATED bytes inflated in all.
 */
import { inflateSync } from 'node:zlib'

/** All object streams of one file together, inflated: far above any real document's. */
export const MAX_INFLATED = 64 * 1024 * 1024

/** Names that make a PDF act by itself, as decoded. */
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'FileAttachment',
  'RichMedia',
  'XFA',
])

/* eslint-disable no-control-regex -- PDF white space includes NUL (§7.2.2) */
/** White space in a PDF (§7.2.2). */
const WS = '[\\x00\\t\\n\\f\\r ]'
/** A name token: `/` and the regular characters after it (§7.2.2: not white space or a delimiter). */
const NAME = /\/([^\x00\t\n\f\r ()<>[\]{}/%]*)/g
/** After `/JS` its value: a string, a hex string, or a reference to a stream. */
const JS_VALUE = new RegExp(`^${WS}*(?:\\(|<|\\d+${WS}+\\d+${WS}+R)`)
/** A direct /Length; not one that refers to another object (`/Length 12 0 R`). */
const LENGTH = new RegExp(`/Length${WS}+(\\d+)(?!\\d|${WS}+\\d+${WS}+R)`)
/** A predictor (§7.4.4.4) reorders the inflated bytes: names could hide in it. */
const PREDICTOR = new RegExp(`/Predictor${WS}+([2-9]|1\\d)`)
/** /First as an object stream has it: a direct integer. */
const FIRST = new RegExp(`/First${WS}+\\d+(?!\\d|${WS}+\\d+${WS}+R)`)
/* eslint-enable no-control-regex */

export function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/**
 * Whether this text (latin1) names an active feature. `/JS` is short enough to occur in binary
 * data by chance, so it counts only with a script after it.
 */
export function namesActiveContent(text: string): boolean {
  NAME.lastIndex = 0
  for (let match = NAME.exec(text); match; match = NAME.exec(text)) {
    if (match[1].length === 0) {
      NAME.lastIndex++
      continue
    }
    const name = decodeName(match[1])
    if (ACTIVE_NAMES.has(name)) return true
    if (name === 'JS' && JS_VALUE.test(text.slice(NAME.lastIndex, NAME.lastIndex + 64))) return true
  }
  return false
}

export type PdfVerdict = 'ok' | 'file_unsafe'

/** Judges a PDF (its type is known by its first bytes already). */
export function inspectPdf(bytes: Buffer, { maxInflated = MAX_INFLATED } = {}): PdfVerdict {
  const text = bytes.toString('latin1')
  // Every name, wherever it stands (a string too: conservative, and no stray parenthesis can
  // hide what follows it from this pass).
  if (namesActiveContent(text)) return 'file_unsafe'
  let budget = maxInflated
  for (const stream of streamsOf(text)) {
    if (!isObjectStream(stream.dictionary)) continue
    const filters = stream.dictionary.match(FILTER_NAMES) ?? []
    if (filters.length === 0) continue // not compressed: read above as it stands
    if (filters.length > 1 || !/^\/(?:FlateDecode|Fl)$/.test(filters[0] ?? '') || PREDICTOR.test(stream.dictionary))
      return 'file_unsafe'
    if (budget <= 0) return 'file_unsafe'
    let inflated: Buffer
    try {
      inflated = inflateSync(bytes.subarray(stream.dataAt, stream.dataEnd), { maxOutputLength: budget })
    } catch {
      return 'file_unsafe' // does not inflate, or past the bound
    }
    budget -= inflated.length
    if (namesActiveContent(inflated.toString('latin1'))) return 'file_unsafe'
  }
  return 'ok'
}

const FILTER_NAMES =
  /\/(?:ASCIIHexDecode|ASCII85Decode|LZWDecode|FlateDecode|RunLengthDecode|CCITTFaxDecode|JBIG2Decode|DCTDecode|JPXDecode|Crypt|AHx|A85|LZW|Fl|RL|CCF|DCT)(?![^\x00\t\n\f\r ()<>[\]{}/%])/g // eslint-disable-line no-control-regex

const isWhite = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0'
const isDelimiter = (c: string | undefined) => c === undefined || isWhite(c) || '()<>[]{}/%'.includes(c)

interface PdfStream {
  /** The stream's dictionary: names decoded, strings and comments left out. */
  dictionary: string
  dataAt: number
  dataEnd: number
}

/**
 * The streams of a PDF, found as a reader finds them (§7.3.8): the keyword `stream` outside any
 * string or comment, after a dictionary; its data for /Length bytes when `endstream` follows
 * there, else up to the next `endstream`. Reading the tokens (comments, strings with their
 * nesting and escapes, hex strings, dictionaries) keeps a `stream` or a fake object header
 * inside a string from hiding the real dictionary. One pass over the file.
 */
export function* streamsOf(text: string): Generator<PdfStream> {
  let depth = 0
  let pieces: string[] = []
  let dictionary = ''
  let from = 0 // start of the text not yet copied into `pieces`
  const copy = (to: number) => {
    if (depth > 0 && to > from) pieces.push(text.slice(from, to))
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '%' || c === '(' || (c === '<' && text[i + 1] !== '<')) {
      copy(i)
      i = c === '%' ? endOfComment(text, i) : c === '(' ? endOfString(text, i) : endOfHexString(text, i)
      if (depth > 0) pieces.push(c === '%' ? ' ' : '()')
      from = i
      continue
    }
    if (c === '<' && text[i + 1] === '<') {
      if (depth === 0) {
        pieces = []
        from = i
      }
      depth++
      i += 2
      continue
    }
    if (c === '>' && text[i + 1] === '>') {
      i += 2
      if (depth > 0 && --depth === 0) {
        pieces.push(text.slice(from, i))
        dictionary = decodedNames(pieces.join(''))
        from = i
      }
      continue
    }
    if (depth === 0 && c === 's' && text.startsWith('stream', i) && isDelimiter(text[i - 1])) {
      let dataAt = i + 6
      if (text[dataAt] === '\r') dataAt++
      if (text[dataAt] === '\n') dataAt++
      if (dataAt === i + 6) {
        i++
        continue
      }
      const dataEnd = streamEnd(text, dataAt, dictionary)
      yield { dictionary, dataAt, dataEnd }
      dictionary = ''
      i = dataEnd
      from = i
      continue
    }
    i++
  }
}

function endOfComment(text: string, at: number): number {
  let i = at
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++
  return i
}

/** A literal string (§7.3.4.2): balanced parentheses, a backslash escapes the next character. */
function endOfString(text: string, at: number): number {
  let nesting = 0
  for (let i = at; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '(') nesting++
    else if (c === ')' && --nesting === 0) return i + 1
  }
  return text.length
}

function endOfHexString(text: string, at: number): number {
  const end = text.indexOf('>', at)
  return end < 0 ? text.length : end + 1
}

/** Where a stream's data ends: after /Length bytes if `endstream` follows there, else at the next `endstream`. */
function streamEnd(text: string, dataAt: number, dictionary: string): number {
  const length = LENGTH.exec(dictionary)
  const declared = length ? Number(length[1]) : NaN
  if (Number.isSafeInteger(declared) && dataAt + declared <= text.length) {
    let after = dataAt + declared
    while (isWhite(text[after])) after++
    if (text.startsWith('endstream', after)) return dataAt + declared
  }
  const end = text.indexOf('endstream', dataAt)
  return end < 0 ? text.length : end
}

/** A dictionary with its names decoded, so `/Type /Obj#53tm` reads as `/Type /ObjStm`. */
function decodedNames(dictionary: string): string {
  return dictionary.replace(NAME, (_, raw: string) => `/${decodeName(raw)}`)
}

/**
 * An object stream (§7.5.7): /Type /ObjStm, or — as a reader that does not check the type
 * finds it — a direct integer /First (an outline's /First is a reference).
 */
function isObjectStream(dictionary: string): boolean {
  return /\/ObjStm(?![^\x00\t\n\f\r ()<>[\]{}/%])/.test(dictionary) || FIRST.test(dictionary) // eslint-disable-line no-control-regex
}
