/**
 * A JPEG read as its segments (ISO/IEC 10918-1, Annex B): SOI, then marker segments with their
 * length, scans of entropy-coded data, up to EOI. A file that does not parse that way to its EOI
 * is not a JPEG we take. Every segment that is free data — the comment (COM) and the
 * application segments (APPn) — and what follows EOI are looked at for a hidden program or
 * page (payloads.server.ts).
 *
 * Before it is stored a photo loses what tells where it was taken and more: the Exif and XMP
 * segments (APP1: GPS position, camera, times), IPTC (APP13: places, names), comments, and
 * whatever follows EOI (phones append more images there, with their own Exif). The orientation
 * is kept: a new, minimal Exif segment holds only that, so the photo still shows upright.
 * The colour profile (APP2), JFIF (APP0) and Adobe (APP14) segments stay: they describe the
 * pixels.
 */
import { carriesPayload } from './payloads.server'

const SOI = 0xd8
const EOI = 0xd9
const SOS = 0xda
const COM = 0xfe
const APP1 = 0xe1
const APP13 = 0xed

export interface JpegSegment {
  marker: number
  /** where the marker's 0xFF is */
  start: number
  /** the end of the segment (for SOS: the end of its entropy-coded data) */
  end: number
  /** the segment's data after its length field */
  payload: Uint8Array
}

export type JpegParse = { ok: true; segments: JpegSegment[]; eoiEnd: number } | { ok: false }

/** The segments from SOI to EOI; `ok: false` for anything that is not a whole JPEG. */
export function parseJpeg(bytes: Uint8Array): JpegParse {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return { ok: false }
  const segments: JpegSegment[] = []
  let at = 2
  let frames = 0
  for (;;) {
    if (at >= bytes.length || bytes[at] !== 0xff) return { ok: false }
    const start = at
    // Fill bytes: any number of 0xFF before a marker (B.1.1.2).
    while (at < bytes.length && bytes[at] === 0xff) at++
    if (at >= bytes.length) return { ok: false }
    const marker = bytes[at++]
    if (marker === EOI) {
      return frames > 0 ? { ok: true, segments, eoiEnd: at } : { ok: false }
    }
    if (marker === 0x00 || marker === SOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      // A stuffed zero, a second SOI, or a restart marker outside a scan: not a JPEG's structure.
      return { ok: false }
    }
    if (at + 2 > bytes.length) return { ok: false }
    const length = (bytes[at] << 8) | bytes[at + 1]
    if (length < 2 || at + length > bytes.length) return { ok: false }
    const payload = bytes.subarray(at + 2, at + length)
    at += length
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xde)
      frames++
    if (marker === SOS) {
      if (frames === 0) return { ok: false }
      // Entropy-coded data up to the next marker that is not a stuffed zero or a restart (B.1.1.5).
      while (at < bytes.length) {
        if (bytes[at] === 0xff && at + 1 < bytes.length) {
          const next = bytes[at + 1]
          if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
            at += next === 0xff ? 1 : 2
            continue
          }
          break
        }
        at++
      }
    }
    segments.push({ marker, start, end: at, payload })
  }
}

export type JpegVerdict = { ok: true; bytes: Buffer } | { ok: false; code: 'file_wrong_type' | 'file_unsafe' }

/** Judges a JPEG and returns it without its location and other personal metadata. */
export function inspectJpeg(bytes: Buffer): JpegVerdict {
  const parsed = parseJpeg(bytes)
  if (!parsed.ok) return { ok: false, code: 'file_wrong_type' }
  const free = parsed.segments.filter((s) => s.marker === COM || (s.marker >= 0xe0 && s.marker <= 0xef))
  if (free.some((s) => carriesPayload(s.payload)) || carriesPayload(bytes.subarray(parsed.eoiEnd)))
    return { ok: false, code: 'file_unsafe' }
  return { ok: true, bytes: stripJpeg(bytes, parsed) }
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1')

function isExif(payload: Uint8Array): boolean {
  return payload.length >= 6 && EXIF_HEADER.equals(payload.subarray(0, 6))
}

/** The segments that go, and in place of the first Exif one the orientation alone. */
export function stripJpeg(bytes: Buffer, parsed: Extract<JpegParse, { ok: true }>): Buffer {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)]
  let changed = parsed.eoiEnd !== bytes.length
  let orientationPlaced = false
  let from = 2
  for (const segment of parsed.segments) {
    const goes = segment.marker === APP1 || segment.marker === APP13 || segment.marker === COM
    if (!goes) continue
    parts.push(bytes.subarray(from, segment.start))
    from = segment.end
    if (segment.marker === APP1 && isExif(segment.payload) && !orientationPlaced) {
      orientationPlaced = true
      const orientation = exifOrientation(segment.payload.subarray(6))
      if (orientation !== null && orientation !== 1) {
        const kept = orientationSegment(orientation)
        parts.push(kept)
        if (Buffer.compare(kept, bytes.subarray(segment.start, segment.end)) === 0) continue
      }
    }
    changed = true
  }
  if (!changed) return bytes
  parts.push(bytes.subarray(from, parsed.eoiEnd))
  return Buffer.concat(parts)
}

/** An APP1 Exif segment with one entry, IFD0's Orientation (Exif 2.3, tag 0x0112, SHORT). */
export function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ])
  const length = 2 + EXIF_HEADER.length + tiff.length
  return Buffer.concat([Buffer.from([0xff, APP1, length >> 8, length & 0xff]), EXIF_HEADER, tiff])
}

/** The Orientation in IFD0 of an Exif TIFF structure (1–8), or null. */
export function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null
  const u16 = (at: number) =>
    at + 2 > tiff.length ? -1 : little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1]
  const u32 = (at: number) =>
    at + 4 > tiff.length ? -1 : little ? u16(at) + u16(at + 2) * 0x10000 : u16(at) * 0x10000 + u16(at + 2)
  const ifd = u32(4)
  const count = u16(ifd)
  if (ifd < 8 || count < 0) return null
  for (let i = 0; i < count && i < 512; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return null
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) {
      const value = u16(entry + 8)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}
