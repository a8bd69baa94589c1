/**
 * The letters' font, Atkinson Hyperlegible (made for readers with low vision), read from the npm
 * package once per process and handed to pdfkit as plain TrueType.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { inflateSync } from 'node:zlib'

const require = createRequire(import.meta.url)

export interface FontFiles {
  regular: Buffer
  bold: Buffer
  regularExt: Buffer
  boldExt: Buffer
  /** Code point ranges of the `latin` file; anything else is looked for in `latin-ext`. */
  latin: Array<[number, number]>
  ext: Array<[number, number]>
}

/**
 * WOFF 1.0 → plain SFNT (TrueType), once per process. fontkit reads WOFF too, but inflates its
 * tables with a JavaScript zlib on every document (60 % of a render); node's zlib does it once.
 * WOFF: a 44-byte header, then 20-byte table entries (tag, offset, compressed length, length,
 * checksum); a table is zlib-compressed when its compressed length is below its length.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font')
  const flavor = woff.readUInt32BE(4)
  const numTables = woff.readUInt16BE(12)
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20
    const offset = woff.readUInt32BE(entry + 4)
    const compLength = woff.readUInt32BE(entry + 8)
    const origLength = woff.readUInt32BE(entry + 12)
    const raw = woff.subarray(offset, offset + compLength)
    return {
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    }
  })
  const power = 2 ** Math.floor(Math.log2(numTables))
  const header = Buffer.alloc(12 + 16 * numTables)
  header.writeUInt32BE(flavor, 0)
  header.writeUInt16BE(numTables, 4)
  header.writeUInt16BE(power * 16, 6)
  header.writeUInt16BE(Math.log2(power), 8)
  header.writeUInt16BE(numTables * 16 - power * 16, 10)
  const parts: Buffer[] = [header]
  let offset = header.length
  tables.forEach((table, i) => {
    const record = 12 + i * 16
    table.tag.copy(header, record)
    header.writeUInt32BE(table.checksum, record + 4)
    header.writeUInt32BE(offset, record + 8)
    header.writeUInt32BE(table.data.length, record + 12)
    const padded = Buffer.alloc((table.data.length + 3) & ~3)
    table.data.copy(padded)
    parts.push(padded)
    offset += padded.length
  })
  return Buffer.concat(parts)
}

let fontFiles: FontFiles | undefined
/** Read once per process: every PDF embeds (a subset of) the same bytes. */
export function fonts(): FontFiles {
  if (!fontFiles) {
    const file = (name: string) =>
      woffToSfnt(
        readFileSync(require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${name}.woff`)),
      )
    const unicode = JSON.parse(
      readFileSync(require.resolve('@fontsource/atkinson-hyperlegible/unicode.json'), 'utf8'),
    ) as Record<string, string>
    const ranges = (spec: string): Array<[number, number]> =>
      spec.split(',').map((part) => {
        const [from, to] = part.replace(/^U\+/, '').split('-')
        return [parseInt(from, 16), parseInt(to ?? from, 16)]
      })
    fontFiles = {
      regular: file('latin-400-normal'),
      bold: file('latin-700-normal'),
      regularExt: file('latin-ext-400-normal'),
      boldExt: file('latin-ext-700-normal'),
      latin: ranges(unicode.latin),
      ext: ranges(unicode['latin-ext']),
    }
  }
  return fontFiles
}

export const inRanges = (cp: number, ranges: Array<[number, number]>) =>
  ranges.some(([from, to]) => cp >= from && cp <= to)
