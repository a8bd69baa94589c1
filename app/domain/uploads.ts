/**
 * What a citizen or a back-office system may upload to a case, by content: the limits, the
 * kinds of file, and the codes of a refusal. Pure and built into the browser as well (a form's
 * `accept` attribute and its messages use the limits). The reading and the checking of the
 * bytes are in app/services/uploads/.
 */

/** One file: at most 10 MB. */
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024
/** One answer, message or addition: at most 10 files. */
export const MAX_UPLOAD_FILES = 10

/** The kinds of file we take, each known by its first bytes, not by its name or stated type. */
export const UPLOAD_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number]

/** For a file input's `accept`: a hint to the browser's picker, never trusted. */
export const UPLOAD_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'

/**
 * Why a file is refused; each has a message in every language (`uploads` namespace):
 * - file_empty: 0 bytes;
 * - file_too_large: over MAX_UPLOAD_FILE_BYTES;
 * - file_wrong_type: not a PDF, JPEG or PNG by its content;
 * - file_unsafe: a PDF, JPEG or PNG that carries a script or program (a PDF's JavaScript or
 *   launch action, an embedded file, an executable or HTML hidden in an image);
 * - too_many_files: past MAX_UPLOAD_FILES.
 */
export const UPLOAD_REFUSALS = [
  'file_empty',
  'file_too_large',
  'file_wrong_type',
  'file_unsafe',
  'too_many_files',
] as const
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number]

/** The type of a file by its first bytes; `null` for anything we do not take. */
export function sniffMediaType(head: Uint8Array): UploadMediaType | null {
  const startsWith = (signature: number[]) =>
    head.length >= signature.length && signature.every((b, i) => head[i] === b)
  if (startsWith([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  return null
}

/** A file name safe to show and to put in a Content-Disposition header, with the extension of its real type. */
export function safeUploadName(name: string, type: UploadMediaType, fallback = 'document'): string {
  const extension = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'
  const base =
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\.[^.]*$/, '')
      .replace(/[\p{C}"\\<>|?*:]+/gu, '')
      .trim()
      .slice(0, 80) || fallback
  return `${base}.${extension}`
}
