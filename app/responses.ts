/**
 * The answers a loader or action throws for an outcome that is not the page: one place, so every
 * route answers them the same way. Thrown responses reach the nearest error boundary (the area's
 * layout, or the root), which renders the error page in the visitor's language.
 */

/**
 * Not found: also for a record that exists but is not the visitor's, or a malformed id — the
 * same answer for all three, so nothing can be learnt from the difference.
 */
export function notFound(): Response {
  return new Response('Not Found', { status: 404 })
}
