/**
 * Where to send someone back to after a login, a language switch or a step-up: a path on this
 * site only. Anything that a browser could read as another origin is refused, so the portal is
 * never an open redirect (`//evil.example`, `https://…`, `/\evil`, control characters).
 */
export function safeReturnPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string') return fallback
  const value = candidate.trim()
  if (!value.startsWith('/')) return fallback
  if (value.startsWith('//') || value.startsWith('/\\')) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback
  try {
    const parsed = new URL(value, 'https://portal.invalid')
    if (parsed.origin !== 'https://portal.invalid') return fallback
    return parsed.pathname + parsed.search + parsed.hash
  } catch {
    return fallback
  }
}
