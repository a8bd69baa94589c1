/**
 * A stored letter as an accessible PDF: A4, the municipality's letterhead, the address
 * block where a window envelope shows it, date and reference, then the letter's blocks.
 *
 * Accessibility and archiving (EN 301 549 / PDF/UA for the tags, PDF/A for the archive):
 * - tagged PDF with a structure tree (Document › Sect, H1/H2, P, L › LI › LBody, Table › TR ›
 *   TH/TD, Link), the document language and its title shown in the window bar;
 * - PDF/A-2a as far as pdfkit goes (XMP identification, sRGB output intent, embedded fonts);
 * - Atkinson Hyperlegible, made for readers with low vision, embedded from the npm package
 *   (its `latin` and `latin-ext` files; a name like "Łukasz Şahin" takes glyphs from the second);
 * - decoration (the logo, bullets, rules) is marked as an artifact, so readers skip it.
 *
 * The text is exactly the text of the HTML page (the same snapshot, the same order), which the
 * tests check by extracting it with pdftotext. So no page numbers or other text of its own.
 */
import PDFDocument from 'pdfkit'
import type { ExportDocument } from '~/domain/data-export-document'
import type { Fact, LetterBlock } from '~/domain/letters'
import type { StoredLetter } from '~/services/letters/stored.server'
import { fonts, inRanges } from '~/services/letters/pdf-fonts.server'

type Doc = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement

// --- layout ---------------------------------------------------------------------------------

const MM = 72 / 25.4
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { left: 25 * MM, right: 20 * MM, top: 18 * MM, bottom: 20 * MM }
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/** NEN 1026 window envelope: the address 22 mm from the left, from about 52 mm down. */
const ADDRESS = { x: 22 * MM, y: 52 * MM }
const BODY = 11
const SMALL = 9
const INK = '#1b1b1b'
const BRAND = '#154273'
const MUTED = '#4b4b4b'
const FACT_LABEL_WIDTH = 45 * MM

type Weight = 'regular' | 'bold'

/** Writes text in runs: characters the latin file lacks come from latin-ext. */
function write(
  doc: Doc,
  text: string,
  weight: Weight,
  options: PDFKit.Mixins.TextOptions & { x?: number; y?: number } = {},
): void {
  const { x, y, ...rest } = options
  const f = fonts()
  const runs: Array<{ text: string; font: string }> = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    const font = !inRanges(cp, f.latin) && inRanges(cp, f.ext) ? `${weight}-ext` : weight
    const last = runs[runs.length - 1]
    if (last && last.font === font) last.text += ch
    else runs.push({ text: ch, font })
  }
  if (runs.length === 0) runs.push({ text: '', font: weight })
  runs.forEach((run, index) => {
    doc.font(run.font)
    const continued = index < runs.length - 1 || !!rest.continued
    if (index === 0 && x !== undefined) doc.text(run.text, x, y, { ...rest, continued })
    else doc.text(run.text, { ...rest, continued })
  })
}

/** An artifact: drawn, not read (decoration, bullets). */
function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' })
  draw()
  doc.endMarkedContent()
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - MARGIN.bottom) doc.addPage()
}

const URL_PATTERN = /https?:\/\/\S+/

/** A paragraph; a web address in it becomes a link on a line of its own, shrunk to fit if needed. */
function paragraph(doc: Doc, parent: Struct, text: string): void {
  const match = URL_PATTERN.exec(text)
  const p = doc.struct('P')
  parent.add(p)
  if (!match) {
    p.add(doc.struct('Span', {}, () => write(doc, text, 'regular', { x: MARGIN.left, width: WIDTH })))
  } else {
    const before = text.slice(0, match.index).trimEnd()
    const url = match[0]
    const after = text.slice(match.index + url.length).trim()
    if (before) p.add(doc.struct('Span', {}, () => write(doc, before, 'regular', { x: MARGIN.left, width: WIDTH })))
    doc.font('regular').fontSize(BODY)
    const size = Math.max(7, Math.min(BODY, (BODY * WIDTH) / doc.widthOfString(url)))
    p.add(
      doc.struct('Link', { alt: url }, () => {
        doc.fontSize(size).fillColor(BRAND)
        doc.text(url, MARGIN.left, doc.y, { width: WIDTH + 1, link: url, underline: true, lineBreak: false })
        doc.fontSize(BODY).fillColor(INK)
      }),
    )
    if (after) p.add(doc.struct('Span', {}, () => write(doc, after, 'regular', { x: MARGIN.left, width: WIDTH })))
  }
  p.end()
  doc.moveDown(0.6)
}

function facts(doc: Doc, parent: Struct, items: Fact[], { labelWidth = FACT_LABEL_WIDTH } = {}): void {
  const table = doc.struct('Table')
  parent.add(table)
  for (const item of items) {
    ensureRoom(doc, 2 * BODY)
    const top = doc.y
    const row = doc.struct('TR')
    table.add(row)
    row.add(
      doc.struct('TH', {}, () => write(doc, item.label, 'bold', { x: MARGIN.left, y: top, width: labelWidth - 6 })),
    )
    const afterLabel = doc.y
    row.add(
      doc.struct('TD', {}, () =>
        write(doc, item.value, 'regular', { x: MARGIN.left + labelWidth, y: top, width: WIDTH - labelWidth }),
      ),
    )
    row.end()
    doc.y = Math.max(doc.y, afterLabel) + 2
  }
  table.end()
  doc.x = MARGIN.left
  doc.moveDown(0.6)
}

function list(doc: Doc, parent: Struct, items: string[]): void {
  const l = doc.struct('L')
  parent.add(l)
  const indent = 6 * MM
  for (const item of items) {
    ensureRoom(doc, 2 * BODY)
    const li = doc.struct('LI')
    l.add(li)
    const top = doc.y
    artifact(doc, () => doc.circle(MARGIN.left + 2.2 * MM, top + BODY * 0.62, 2).fill(INK))
    li.add(
      doc.struct('LBody', {}, () =>
        write(doc, item, 'regular', { x: MARGIN.left + indent, y: top, width: WIDTH - indent }),
      ),
    )
    li.end()
    doc.moveDown(0.25)
  }
  l.end()
  doc.x = MARGIN.left
  doc.moveDown(0.4)
}

function block(doc: Doc, parent: Struct, b: LetterBlock): void {
  doc.font('regular').fontSize(BODY).fillColor(INK)
  switch (b.kind) {
    case 'heading':
      // Keep a heading with the first lines under it.
      ensureRoom(doc, 5 * BODY)
      doc.moveDown(0.3)
      parent.add(
        doc.struct('H2', {}, () => {
          doc.fontSize(12.5).fillColor(BRAND)
          write(doc, b.text, 'bold', { x: MARGIN.left, width: WIDTH })
          doc.fontSize(BODY).fillColor(INK)
        }),
      )
      doc.moveDown(0.2)
      return
    case 'paragraph':
      return paragraph(doc, parent, b.text)
    case 'list':
      return list(doc, parent, b.items)
    case 'facts':
      return facts(doc, parent, b.items)
  }
}

/** The logo: the house of the site header, as decoration. */
function logo(doc: Doc, x: number, y: number): void {
  artifact(doc, () => {
    doc.save()
    doc.roundedRect(x, y, 30, 30, 3).fill(BRAND)
    doc
      .moveTo(x + 6.7, y + 22.5)
      .lineTo(x + 6.7, y + 11.7)
      .lineTo(x + 15, y + 6.7)
      .lineTo(x + 23.3, y + 11.7)
      .lineTo(x + 23.3, y + 22.5)
      .lineTo(x + 18.3, y + 22.5)
      .lineTo(x + 18.3, y + 16.7)
      .lineTo(x + 11.7, y + 16.7)
      .lineTo(x + 11.7, y + 22.5)
      .closePath()
      .fill('#ffffff')
    doc.restore()
  })
}

interface OpenedPdf {
  doc: Doc
  /** the structure tree's root (Document) */
  root: Struct
  /** the PDF bytes, once `doc.end()` has been called */
  done: Promise<Buffer>
}

/** A4, tagged, PDF/A-2a, the document's language and title, the fonts registered. */
function openTaggedPdf(meta: { title: string; author: string; subject: string; language: 'nl' | 'en' }): OpenedPdf {
  const f = fonts()
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: meta.language === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    autoFirstPage: true,
    bufferPages: false,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Creator: 'Mijn Stad',
      Producer: 'Mijn Stad (pdfkit)',
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.registerFont('regular', f.regular)
  doc.registerFont('bold', f.bold)
  doc.registerFont('regular-ext', f.regularExt)
  doc.registerFont('bold-ext', f.boldExt)
  doc.font('regular').fontSize(BODY).fillColor(INK).lineGap(2)

  const root = doc.struct('Document')
  doc.addStructure(root)
  return { doc, root, done }
}

/** Renders the letter; resolves to the PDF bytes. */
export async function renderLetterPdf(letter: StoredLetter): Promise<Buffer> {
  const { doc, root, done } = openTaggedPdf({
    title: letter.title,
    author: letter.sender.name,
    subject: letter.reference,
    language: letter.language,
  })

  // Letterhead: logo and name on the left, the postal details in small print under it.
  const head = doc.struct('Sect')
  root.add(head)
  logo(doc, MARGIN.left, MARGIN.top)
  head.add(
    doc.struct('P', {}, () => {
      doc.fontSize(17).fillColor(BRAND)
      write(doc, letter.sender.name, 'bold', { x: MARGIN.left + 40, y: MARGIN.top + 6, width: WIDTH - 40 })
    }),
  )
  doc.fontSize(SMALL).fillColor(MUTED)
  const senderTop = MARGIN.top + 36
  head.add(
    doc.struct('P', {}, () =>
      write(doc, letter.sender.lines.join('\n'), 'regular', { x: MARGIN.left + 40, y: senderTop, width: WIDTH - 40 }),
    ),
  )
  head.end()

  // The address block, where the envelope's window shows it.
  const address = doc.struct('Sect')
  root.add(address)
  doc.fontSize(BODY).fillColor(INK)
  address.add(
    doc.struct('P', {}, () =>
      write(doc, [letter.recipient.name, ...letter.recipient.lines].join('\n'), 'regular', {
        x: ADDRESS.x,
        y: Math.max(ADDRESS.y, doc.y + 12),
        width: 85 * MM,
      }),
    ),
  )
  address.end()

  // Date, reference, subject.
  doc.y = Math.max(doc.y + 14 * MM, 95 * MM)
  const details = doc.struct('Sect')
  root.add(details)
  facts(doc, details, letter.details, { labelWidth: 32 * MM })
  details.end()

  // The letter.
  const body = doc.struct('Sect')
  root.add(body)
  doc.moveDown(0.4)
  body.add(
    doc.struct('H1', {}, () => {
      doc.fontSize(15).fillColor(BRAND)
      write(doc, letter.title, 'bold', { x: MARGIN.left, width: WIDTH })
      doc.fontSize(BODY).fillColor(INK)
    }),
  )
  doc.moveDown(0.8)
  paragraph(doc, body, letter.salutation)
  for (const b of letter.blocks) block(doc, body, b)
  ensureRoom(doc, 5 * BODY)
  doc.moveDown(0.4)
  paragraph(doc, body, letter.closing.greeting)
  body.add(
    doc.struct('P', {}, () =>
      write(doc, letter.closing.signature.join('\n'), 'regular', { x: MARGIN.left, width: WIDTH }),
    ),
  )
  body.end()
  root.end()

  doc.end()
  return done
}

// --- other documents ------------------------------------------------------------------------

/** A sub-heading (h3) inside a section, kept with the lines under it. */
function subheading(doc: Doc, parent: Struct, text: string): void {
  ensureRoom(doc, 6 * BODY)
  doc.moveDown(0.4)
  parent.add(
    doc.struct('H3', {}, () => {
      doc.fontSize(BODY + 0.5).fillColor(INK)
      write(doc, text, 'bold', { x: MARGIN.left, width: WIDTH })
      doc.fontSize(BODY)
    }),
  )
  doc.moveDown(0.2)
}

/**
 * A document of the portal's own that is not a letter — the citizen's copy of their data
 * (`~/domain/data-export-document`) — with the letters' fonts, tags and letterhead: the title (h1), an
 * introduction, then sections (h2) of parts with an optional sub-heading (h3).
 */
export async function renderDocumentPdf(
  document: ExportDocument,
  meta: { author: string; subject: string },
): Promise<Buffer> {
  const { doc, root, done } = openTaggedPdf({ title: document.title, language: document.language, ...meta })
  const head = doc.struct('Sect')
  root.add(head)
  logo(doc, MARGIN.left, MARGIN.top)
  head.add(
    doc.struct('P', {}, () => {
      doc.fontSize(17).fillColor(BRAND)
      write(doc, meta.author, 'bold', { x: MARGIN.left + 40, y: MARGIN.top + 6, width: WIDTH - 40 })
    }),
  )
  head.end()
  doc.y = MARGIN.top + 50
  const body = doc.struct('Sect')
  root.add(body)
  body.add(
    doc.struct('H1', {}, () => {
      doc.fontSize(17).fillColor(BRAND)
      write(doc, document.title, 'bold', { x: MARGIN.left, width: WIDTH })
      doc.fontSize(BODY).fillColor(INK)
    }),
  )
  doc.moveDown(0.6)
  for (const text of document.intro) paragraph(doc, body, text)
  body.end()
  for (const section of document.sections) {
    const sect = doc.struct('Sect')
    root.add(sect)
    block(doc, sect, { kind: 'heading', text: section.heading })
    for (const part of section.parts) {
      if (part.heading) subheading(doc, sect, part.heading)
      for (const b of part.blocks) block(doc, sect, b)
    }
    sect.end()
  }
  root.end()
  doc.end()
  return done
}
