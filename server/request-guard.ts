import { unstable_parseMultipartFormData } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'
import type { RefusedInput } from '../app/domain/refusal'
import { hasUnsafeCharacters, withoutUnsafeCharacters } from '../app/domain/text-input'
import { streamOfBuffer } from './body-stream'
import { bodyRuleFor, MULTIPART, URLENCODED, type BodyRule } from './limits'
import type { RefuseFn } from './refusals'

/**
 * The edge: every request is checked here, in Express, before Remix or a route reads it, so no
 * input however hostile reaches a route in a shape it cannot take (README: Request limits).
 * 1. Methods: TRACE, TRACK and CONNECT answer 405; one this server does not know, 501.
 * 2. The path must decode (percent-encoding, UTF-8) and hold no NUL: else 400.
 * 3. A body: its media type must be one its route takes (415), its size within the route's
 *    limit (413, also for a chunked body: it is counted as it arrives), a multipart body must
 *    parse and have no more parts than allowed (400, 413). The body is read here, once, and
 *    handed to Remix from memory (server/remix.ts).
 * 4. Text that holds characters no field may hold (NUL, a lone surrogate; text-input.ts), in a
 *    form field or a query parameter: the page is shown again, as for a GET, with the message
 *    at the field and what was typed minus those characters (app/root.tsx, FormField), 400.
 */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const SERVED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', ...BODY_METHODS])
const REFUSED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT'])
/** After a refusal, read and drop at most this much more of a body, so the client reads the
 * answer instead of a reset; past it the connection is closed. */
const DRAIN_LIMIT = 16 * 1024 * 1024
const DRAIN_MS = 10_000

export interface GuardedRequest {
  /** the body as read here, to be handed to Remix */
  body?: Buffer
  /** the URL Remix gets, when it differs from the one sent (query text cleaned) */
  url?: string
  refusedInput?: RefusedInput
}

export function guarded(res: Response): GuardedRequest {
  return ((res.locals.guard as GuardedRequest | undefined) ??= {})
}

export function requestGuard({ refuse, logger }: { refuse: RefuseFn; logger: Logger }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (!SERVED_METHODS.has(req.method)) {
        drainAfterRefusal(req)
        const known = REFUSED_METHODS.has(req.method)
        return await refuse(
          req,
          res,
          known ? { status: 405, code: 'method_not_allowed' } : { status: 501, code: 'not_implemented' },
        )
      }
      if (!decodablePath(req.originalUrl)) {
        drainAfterRefusal(req)
        return await refuse(req, res, { status: 400, code: 'bad_url' })
      }
      const queryRefusal = refusedQuery(req)

      if (!BODY_METHODS.has(req.method)) {
        if (queryRefusal) {
          guarded(res).refusedInput = queryRefusal.input
          guarded(res).url = queryRefusal.url
        }
        return next()
      }
      const rule = bodyRuleFor(req.path)
      if (rule.kind === 'own') return next()

      const declared = req.headers['content-length']
      const hasBody = req.headers['transfer-encoding'] !== undefined || (declared !== undefined && declared !== '0')
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      if (rule.kind === 'form' && hasBody && !rule.mediaTypes.includes(mediaType)) {
        drainAfterRefusal(req)
        return await refuse(req, res, { status: 415, code: 'unsupported_media_type' })
      }
      if (declared !== undefined && Number(declared) > rule.maxBytes) {
        drainAfterRefusal(req)
        return await refuse(req, res, { status: 413, code: 'payload_too_large' })
      }
      const body = await readBody(req, rule.maxBytes)
      if (body === 'aborted') return // the client went away: nobody to answer
      if (body === null) {
        drainAfterRefusal(req)
        return await refuse(req, res, { status: 413, code: 'payload_too_large' })
      }
      guarded(res).body = body
      if (rule.kind === 'api') return next()

      // An empty body is an empty form (a button without fields), whatever its media type says.
      if (body.length === 0) req.headers['content-type'] = URLENCODED
      const fields = await formFields(req, body, rule)
      if (fields === 'malformed') return await refuse(req, res, { status: 400, code: 'malformed_body' })
      if (fields === 'too_many_parts') return await refuse(req, res, { status: 413, code: 'payload_too_large' })

      const refusedInput = refusedFields(fields) ?? queryRefusal?.input
      if (!refusedInput) return next()
      logger.warn(
        { event: 'input_refused', requestId: res.locals.requestId, field: refusedInput.field },
        'characters no field may hold: the form is shown again',
      )
      if (typeof req.query._data === 'string') return await refuse(req, res, { status: 400, code: 'bad_request' })
      // The page again, as for a GET of the same address: its action never runs.
      guarded(res).refusedInput = refusedInput
      if (queryRefusal) guarded(res).url = queryRefusal.url
      delete guarded(res).body
      req.method = 'GET'
      next()
    } catch (err) {
      next(err)
    }
  }
}

/**
 * The path as the router will see it — dot segments resolved as a URL parser resolves them
 * (`%2e%2e` too), then percent-decoded — must be text, and a path: no control character, no
 * backslash, not starting with `//` (either would make it read as another host).
 */
function decodablePath(target: string): boolean {
  if (target.startsWith('//')) return false
  let path: string
  try {
    path = decodeURIComponent(new URL(target, 'http://localhost').pathname)
  } catch {
    return false
  }
  // eslint-disable-next-line no-control-regex
  return !hasUnsafeCharacters(path) && !/[\u0000-\u001f\u007f\\]/.test(path) && !path.startsWith('//')
}

/** Reads the whole body, or null as soon as it passes `max` bytes. */
function readBody(req: Request, max: number): Promise<Buffer | null | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.off('data', onData)
        req.off('end', onEnd)
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => resolve(Buffer.concat(chunks))
    req.on('data', onData)
    req.once('end', onEnd)
    req.once('error', () => resolve('aborted'))
    req.once('close', () => {
      if (!req.readableEnded) resolve('aborted')
    })
  })
}

/**
 * After an early answer the rest of the body is read and dropped (bounded), so the client gets
 * the answer rather than a connection reset while it is still sending.
 */
function drainAfterRefusal(req: Request) {
  if (req.readableEnded) return
  let drained = 0
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS)
  timer.unref()
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_LIMIT) req.socket.destroy()
  })
  req.once('end', () => clearTimeout(timer))
  req.once('close', () => clearTimeout(timer))
  req.resume()
}

type Fields = Array<[name: string, value: string, filename?: string]>

/** The fields of a form body, checked to parse as its route's code will parse it. */
async function formFields(
  req: Request,
  body: Buffer,
  rule: BodyRule,
): Promise<Fields | 'malformed' | 'too_many_parts'> {
  const contentType = req.headers['content-type'] ?? URLENCODED
  if (!contentType.toLowerCase().startsWith(MULTIPART)) {
    return [...new URLSearchParams(body.toString('utf8'))]
  }
  const request = () =>
    new globalThis.Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: streamOfBuffer(body),
      duplex: 'half',
    } as RequestInit)
  // Parsed as the routes parse it: Remix's streaming parser (readUploadForm in
  // app/services/uploads). Not the platform's FormData as well: it would hold every file of the
  // body in memory again.
  // Remix's parser takes a body without any part as an empty form; the platform's would refuse
  // it. A multipart body ends with its closing delimiter (RFC 2046 §5.1.1), or it is not one.
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  if (!boundary || !body.includes(`--${boundary[1] ?? boundary[2]}--`)) return 'malformed'
  const parts: Fields = []
  const tooMany = new Error('too many parts')
  try {
    await unstable_parseMultipartFormData(request(), async (part) => {
      let text = ''
      const decoder = new TextDecoder()
      for await (const chunk of part.data)
        if (part.filename === undefined) text += decoder.decode(chunk, { stream: true })
      parts.push(part.filename === undefined ? [part.name, text + decoder.decode()] : [part.name, '', part.filename])
      if (parts.length > (rule.maxParts ?? 0)) throw tooMany
      return ''
    })
  } catch (error) {
    return error === tooMany ? 'too_many_parts' : 'malformed'
  }
  return parts
}

function refusedFields(fields: Fields): RefusedInput | null {
  const bad = fields.find(
    ([name, value, filename]) =>
      hasUnsafeCharacters(name) ||
      hasUnsafeCharacters(value) ||
      (filename !== undefined && hasUnsafeCharacters(filename)),
  )
  if (!bad) return null
  const values: Record<string, string> = {}
  for (const [name, value, filename] of fields) {
    if (filename === undefined) values[withoutUnsafeCharacters(name)] ??= withoutUnsafeCharacters(value)
  }
  return { field: withoutUnsafeCharacters(bad[0]), values }
}

/** Query parameters with characters no field may hold: the same page, with the query cleaned. */
function refusedQuery(req: Request): { input: RefusedInput; url: string } | null {
  const at = req.originalUrl.indexOf('?')
  if (at < 0) return null
  const params = [...new URLSearchParams(req.originalUrl.slice(at + 1))]
  const bad = params.find(([name, value]) => hasUnsafeCharacters(name) || hasUnsafeCharacters(value))
  if (!bad) return null
  const cleaned = params.map(([n, v]) => [withoutUnsafeCharacters(n), withoutUnsafeCharacters(v)] as [string, string])
  const search = new URLSearchParams(cleaned).toString()
  return {
    input: { field: withoutUnsafeCharacters(bad[0]), values: Object.fromEntries(cleaned) },
    url: req.originalUrl.slice(0, at) + (search ? `?${search}` : ''),
  }
}
