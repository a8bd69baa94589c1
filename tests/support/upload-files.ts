/**
 * Real files for upload tests, built here byte by byte so no test needs a tool on the machine:
 * a small JPEG (an 8×8 picture Chromium encoded), the same with an Exif GPS position, XMP and
 * IPTC as a phone writes them, a PNG with its metadata chunks, and PDFs with and without the
 * things a PDF reader runs by itself.
 */
import { crc32, deflateSync } from 'node:zlib'

/** An 8×8 baseline JPEG: JFIF, an ICC profile, one scan. */
export const plainJpeg = (): Buffer =>
  Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAaEAACAgMAAAAAAAAAAAAAAAAAEQQSFCJB/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwb/xAAcEQACAgMBAQAAAAAAAAAAAAABAgQRAAMxIUH/2gAMAwEAAhEDEQA/AJoEPEvvey4kgAAqhRQyJmTN03c0iQ1uenwcFfKHBn//2Q==',
    'base64',
  )

/** Groningen's Grote Markt, as a phone's GPS IFD records it: degrees, minutes, seconds. */
export const GPS = { latitude: [53, 13, 7], longitude: [6, 34, 3] } as const

const u16 = (n: number) => Buffer.from([n & 0xff, n >> 8])
const u32 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24])
const entry = (tag: number, type: number, count: number, value: Buffer) =>
  Buffer.concat([u16(tag), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)])

/** An Exif TIFF structure (little-endian) with IFD0's Orientation and a GPS IFD with a position. */
export function exifWithGps(orientation = 6): Buffer {
  const gpsAt = 8 + 2 + 2 * 12 + 4
  const dataAt = gpsAt + 2 + 4 * 12 + 4
  const rationals = (dms: readonly number[]) => Buffer.concat(dms.flatMap((v) => [u32(v), u32(1)]))
  const ifd0 = Buffer.concat([
    u16(2),
    entry(0x0112, 3, 1, u16(orientation)),
    entry(0x8825, 4, 1, u32(gpsAt)), // GPSInfo
    u32(0),
  ])
  const gps = Buffer.concat([
    u16(4),
    entry(0x0001, 2, 2, Buffer.from('N\0')),
    entry(0x0002, 5, 3, u32(dataAt)),
    entry(0x0003, 2, 2, Buffer.from('E\0')),
    entry(0x0004, 5, 3, u32(dataAt + 24)),
    u32(0),
  ])
  return Buffer.concat([Buffer.from('II*\0'), u32(8), ifd0, gps, rationals(GPS.latitude), rationals(GPS.longitude)])
}

const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload])

export const XMP_WITH_GPS =
  'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="53,13.1167N" exif:GPSLongitude="6,34.05E"/></rdf:RDF></x:xmpmeta>'

/**
 * The plain JPEG as a phone would store it: after its JFIF segment an Exif APP1 (orientation and
 * GPS), an XMP APP1 with the position again, IPTC in APP13, a comment; and optionally what
 * follows its end.
 */
export function jpegWithGps({ orientation = 6, trailer = Buffer.alloc(0) } = {}): Buffer {
  const jpeg = plainJpeg()
  const app0End = 4 + jpeg.readUInt16BE(4)
  return Buffer.concat([
    jpeg.subarray(0, app0End),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), exifWithGps(orientation)])),
    segment(0xe1, Buffer.from(XMP_WITH_GPS)),
    segment(0xed, Buffer.from('Photoshop 3.0\0' + '8BIM\x04\x04\0\0\0\0\0\x0f\x1c\x02\x5a\0\x09Groningen', 'latin1')),
    segment(0xfe, Buffer.from('Grote Markt')),
    jpeg.subarray(app0End),
    trailer,
  ])
}

/** The plain JPEG with one more segment (a comment, an application segment) after JFIF. */
export function jpegWithSegment(marker: number, payload: Buffer): Buffer {
  const jpeg = plainJpeg()
  const app0End = 4 + jpeg.readUInt16BE(4)
  return Buffer.concat([jpeg.subarray(0, app0End), segment(marker, payload), jpeg.subarray(app0End)])
}

// --- PNG --------------------------------------------------------------------------------------

export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  return Buffer.concat([length, body, crc])
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A 2×2 RGB PNG, with the chunks given placed before its image data. */
export function plainPng(extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(2, 0)
  ihdr.writeUInt32BE(2, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    ...extra,
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** The PNG with an eXIf chunk (GPS) and XMP in iTXt, as editing software writes them. */
export function pngWithGps(): Buffer {
  return plainPng([
    pngChunk('eXIf', exifWithGps(1)),
    pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), Buffer.from(XMP_WITH_GPS.slice(29))])),
    pngChunk('tEXt', Buffer.from('Comment\0Grote Markt, Groningen', 'latin1')),
  ])
}

// --- PDF --------------------------------------------------------------------------------------

/** A PDF of the given objects (bodies of "N 0 obj … endobj"), with a catalog as object 1. */
export function pdfOf(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  objects.forEach((body, i) => {
    parts.push(
      Buffer.from(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
      Buffer.from('\nendobj\n'),
    )
  })
  parts.push(Buffer.from(`trailer\n<< /Root 1 0 R /Size ${objects.length + 1} >>\n%%EOF\n`))
  return Buffer.concat(parts)
}

export const cleanPdf = () =>
  pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    streamObject('<< >>', Buffer.from('BT /F1 12 Tf 72 770 Td (Bewijsstuk) Tj ET')),
  ])

/** A stream object: the dictionary's entries and its data, /Length added. */
export function streamObject(dictionary: string, data: Buffer): Buffer {
  const entries = dictionary.replace(/^<<|>>$/g, '')
  return Buffer.concat([
    Buffer.from(`<< ${entries} /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from('\nendstream'),
  ])
}

/** An object stream (PDF 1.5) holding the given objects, compressed with FlateDecode. */
export function objectStream(objects: string[], { firstNumber = 10 } = {}): Buffer {
  let offset = 0
  const header = objects.map((body, i) => {
    const pair = `${firstNumber + i} ${offset}`
    offset += body.length + 1
    return pair
  })
  const head = header.join(' ') + '\n'
  const data = deflateSync(Buffer.from(head + objects.join('\n') + '\n', 'latin1'))
  return streamObject(`/Type /ObjStm /N ${objects.length} /First ${head.length} /Filter /FlateDecode`, data)
}
