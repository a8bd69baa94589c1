/**
 * What must not hide in a file we take: a program or a page. A "polyglot" is a file that is a
 * valid image (or PDF) and at the same time something else — a Windows or Linux program, a
 * shell script, HTML, SVG or PHP — that another tool, a browser sniffing the content, or a
 * careless download opens as that other thing.
 *
 * Used on the parts of a file that are free data: a JPEG's comment and application segments
 * and what follows its end, a PNG's ancillary chunks and what follows IEND. Not on compressed
 * image data: random bytes match short patterns by chance, so those are only looked for where
 * they would start a payload.
 */

/** Programs, by what they start with: Windows (MZ), ELF, Mach-O (32/64, both byte orders, fat), a script's `#!`. */
const PROGRAM_STARTS: readonly number[][] = [
  [0x4d, 0x5a], // MZ
  [0x7f, 0x45, 0x4c, 0x46], // \x7fELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21], // #!
]

/**
 * Found anywhere in free data: only what is long enough not to occur by chance in the
 * compressed pictures a phone appends after a JPEG's end (megabytes of them): a 3-byte pattern
 * would turn up in one photo in twenty.
 */
const PROGRAM_ANYWHERE = ['\x7fELF', 'This program cannot be run in DOS mode']

/** Markup a browser would run, case-insensitive, five characters at least (see above). */
const MARKUP = /<(?:script|\?php|html|iframe|object|embed|svg[\s/>]|!doctype\s+html)/i

function startsWith(data: Uint8Array, signature: readonly number[]): boolean {
  return data.length >= signature.length && signature.every((b, i) => data[i] === b)
}

/** Whether this free data (a segment's payload, a trailer) carries a program or markup. */
export function carriesPayload(data: Uint8Array): boolean {
  if (data.length === 0) return false
  let start = 0
  // A payload may be padded to its place with NULs or spaces.
  while (start < data.length && start < 64 && (data[start] === 0 || data[start] === 0x20 || data[start] === 0x0a))
    start++
  const rest = data.subarray(start)
  if (PROGRAM_STARTS.some((signature) => startsWith(rest, signature))) return true
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')
  return PROGRAM_ANYWHERE.some((s) => text.includes(s)) || MARKUP.test(text)
}
