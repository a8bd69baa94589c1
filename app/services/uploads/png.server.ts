/**
 * A PNG read as its chunks (ISO/IEC 15948 §5): the signature, IHDR first, then chunks each with
 * a length, a type of four letters, its data and a CRC, up to IEND. A file that does not parse
 * that way — a chunk that runs past the end, a wrong CRC, no IEND — is not a PNG we take. The
 * ancillary chunks other than image data, and what follows IEND, are looked at for a hidden
 * program or page (payloads.server.ts); compressed text (zTXt, iTXt) is inflated for that, up
 * to a bound.
 *
 * Before it is stored a picture loses its metadata: eXIf (Exif, with GPS) and the text chunks
 * (tEXt, zTXt, iTXt: XMP and "Raw profile" Exif/IPTC are carried there, and free text may name
 * a place), and whatever follows IEND. What describes the pixels (colour, gamma, physical size)
 * stays.
 */
import { crc32, inflateSync } from 'node:zlib'
import { carriesPayload } from './payloads.server'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Compressed text larger than this once inflated is not a caption: it is refused. */
const MAX_INFLATED_TEXT = 1024 * 1024
const METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt'])

export interface PngChunk {
  type: string
  start: number
  end: number
  data: Uint8Array
}

export type PngParse = { ok: true; chunks: PngChunk[]; iendEnd: number } | { ok: false }

export function parsePng(bytes: Uint8Array): PngParse {
  if (bytes.length < SIGNATURE.length || !SIGNATURE.equals(bytes.subarray(0, SIGNATURE.length))) return { ok: false }
  const chunks: PngChunk[] = []
  let at = SIGNATURE.length
  for (;;) {
    if (at + 12 > bytes.length) return { ok: false }
    const length = ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3]
    if (length > 0x7fffffff || at + 12 + length > bytes.length) return { ok: false }
    const typeBytes = bytes.subarray(at + 4, at + 8)
    if (!typeBytes.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))) return { ok: false }
    const type = String.fromCharCode(...typeBytes)
    const data = bytes.subarray(at + 8, at + 8 + length)
    const end = at + 12 + length
    const stored = ((bytes[end - 4] << 24) >>> 0) + (bytes[end - 3] << 16) + (bytes[end - 2] << 8) + bytes[end - 1]
    if (crc32(bytes.subarray(at + 4, end - 4)) !== stored) return { ok: false }
    if (chunks.length === 0 && (type !== 'IHDR' || length !== 13)) return { ok: false }
    chunks.push({ type, start: at, end, data })
    at = end
    if (type === 'IEND') {
      return chunks.some((c) => c.type === 'IDAT') ? { ok: true, chunks, iendEnd: end } : { ok: false }
    }
  }
}

/** The text of a tEXt/zTXt/iTXt chunk as a reader would show it; null when it does not inflate within the bound. */
function textOf(chunk: PngChunk): Uint8Array | null {
  const data = chunk.data
  const afterKeyword = data.indexOf(0) + 1
  if (chunk.type === 'zTXt') return inflated(data.subarray(afterKeyword + 1))
  if (chunk.type === 'iTXt') {
    const compressed = data[afterKeyword] === 1
    // keyword\0 flag method language\0 translated keyword\0 text
    const language = data.indexOf(0, afterKeyword + 2)
    const translated = language < 0 ? -1 : data.indexOf(0, language + 1)
    if (translated < 0) return data
    const text = data.subarray(translated + 1)
    return compressed ? inflated(text) : text
  }
  return data
}

function inflated(data: Uint8Array): Uint8Array | null {
  try {
    return inflateSync(data, { maxOutputLength: MAX_INFLATED_TEXT })
  } catch {
    return null
  }
}

export type PngVerdict = { ok: true; bytes: Buffer } | { ok: false; code: 'file_wrong_type' | 'file_unsafe' }

export function inspectPng(bytes: Buffer): PngVerdict {
  const parsed = parsePng(bytes)
  if (!parsed.ok) return { ok: false, code: 'file_wrong_type' }
  for (const chunk of parsed.chunks) {
    if (chunk.type === 'IDAT' || chunk.type === 'IHDR') continue
    const text = METADATA.has(chunk.type) && chunk.type !== 'eXIf' ? textOf(chunk) : chunk.data
    if (text === null || carriesPayload(text) || (text !== chunk.data && carriesPayload(chunk.data)))
      return { ok: false, code: 'file_unsafe' }
  }
  if (carriesPayload(bytes.subarray(parsed.iendEnd))) return { ok: false, code: 'file_unsafe' }
  return { ok: true, bytes: stripPng(bytes, parsed) }
}

export function stripPng(bytes: Buffer, parsed: Extract<PngParse, { ok: true }>): Buffer {
  const kept = parsed.chunks.filter((c) => !METADATA.has(c.type))
  if (kept.length === parsed.chunks.length && parsed.iendEnd === bytes.length) return bytes
  return Buffer.concat([SIGNATURE, ...kept.map((c) => bytes.subarray(c.start, c.end))])
}
