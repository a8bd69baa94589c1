/** Longer return paths are refused: no page of the portal has an address this long. */
export const MAX_RETURN_PATH_LENGTH = 2048

/** A fixed origin to resolve against; it never reaches a browser. */
const DUMMY_ORIGIN = 'https://portal.invalid'

/**
 * Where to send someone back to after a login, a language switch, a keep-alive or a logout: a
 * path on this site only, never an open redirect.
 *
 * The candidate is resolved the way a browser resolves a `Location` header — `.` and `..`
 * segments, their percent-encoded forms (`%2e`), stripped tabs and newlines — on a fixed dummy
 * origin with `new URL`, and refused (the fallback) when:
 * - it is not a string, empty, or longer than MAX_RETURN_PATH_LENGTH;
 * - it holds a control character, a tab, a newline or a backslash anywhere: browsers drop the
 *   first three and read `\` as `/`, so `/\t/evil.example` and `/\evil.example` are other sites;
 * - it does not start with exactly one `/` (`//evil.example`, `https:evil.example`, `evil`);
 * - resolved, it lands on another origin, or its path starts with `//` — `/.//evil.example`,
 *   `/%2e//evil.example` and `/a/..//evil.example` all become `//evil.example`, which a browser
 *   reads as the host `evil.example`.
 * What comes back is the resolved form (path, query, fragment), so the browser gets exactly what
 * was checked.
 */
export function safeReturnPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string') return fallback
  if (candidate.length === 0 || candidate.length > MAX_RETURN_PATH_LENGTH) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return fallback
  let resolved: URL
  try {
    resolved = new URL(candidate, DUMMY_ORIGIN)
  } catch {
    return fallback
  }
  if (resolved.origin !== DUMMY_ORIGIN) return fallback
  const path = resolved.pathname + resolved.search + resolved.hash
  if (!path.startsWith('/') || path.startsWith('//') || path.length > MAX_RETURN_PATH_LENGTH) return fallback
  // What we hand out must resolve to itself: read again, it stays on this origin unchanged.
  try {
    if (new URL(path, DUMMY_ORIGIN).href !== DUMMY_ORIGIN + path) return fallback
  } catch {
    return fallback
  }
  return path
}
