/**
 * A body read into memory (by the request guard), handed on as a stream of views into that
 * one Buffer. A Request built from a Uint8Array copies it whole (the Fetch spec's "extract a
 * body"); from a stream it does not — so a 10 MB upload is not held twice more on its way to
 * the route's streaming multipart parser.
 */
const CHUNK = 64 * 1024

export function streamOfBuffer(buffer: Buffer): ReadableStream<Uint8Array> {
  let at = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= buffer.byteLength) {
        controller.close()
        return
      }
      const end = Math.min(at + CHUNK, buffer.byteLength)
      controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset + at, end - at))
      at = end
    },
  })
}
