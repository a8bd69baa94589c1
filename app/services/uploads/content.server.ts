/**
 * A file judged by what is in it, once its type is known by its first bytes: its structure
 * (a JPEG's segments, a PNG's chunks), no program or script in it, and for a photo the bytes
 * to store without its location. Each reader is bounded in time and memory and never throws;
 * the property tests (tests/unit/upload-content.test.ts) hold them to that.
 */
import type { UploadMediaType, UploadRefusal } from '~/domain/uploads'
import { inspectJpeg } from './jpeg.server'
import { inspectPdf } from './pdf.server'
import { inspectPng } from './png.server'

export type ContentVerdict =
  { ok: true; bytes: Buffer } | { ok: false; code: Extract<UploadRefusal, 'file_wrong_type' | 'file_unsafe'> }

export function inspectContent(type: UploadMediaType, bytes: Buffer): ContentVerdict {
  try {
    switch (type) {
      case 'application/pdf':
        return inspectPdf(bytes) === 'ok' ? { ok: true, bytes } : { ok: false, code: 'file_unsafe' }
      case 'image/jpeg':
        return inspectJpeg(bytes)
      case 'image/png':
        return inspectPng(bytes)
    }
  } catch {
    // The readers do not throw (the property tests hold them to it); should one, the file is
    // refused, not stored unjudged, and the form answers with a message rather than a 500.
    return { ok: false, code: 'file_unsafe' }
  }
}
