import { createCookie } from '@remix-run/node'
import { z } from 'zod'
import { appContext, type AppSettings } from '~/context.server'
import type { SessionLimits } from './session-store.server'

/**
 * The session cookie holds a random token and nothing else (README: Security): HttpOnly,
 * SameSite=Lax, Secure outside plain-http localhost, and no Max-Age, so closing the browser
 * ends it; the server enforces the 15 minutes idle and 8 hours absolute.
 */
export const SESSION_COOKIE = 'mijnstad_sessie'

export function cookies(settings: AppSettings) {
  const secure = settings.baseUrl.startsWith('https://')
  return {
    session: createCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure }),
    login: createCookie('mijnstad_inlog', { path: '/inloggen', httpOnly: true, sameSite: 'lax', secure, maxAge: 600 }),
  }
}

const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

export async function readCookie(request: Request, which: 'session' | 'login'): Promise<string | null> {
  const value: unknown = await cookies(appContext().settings)[which].parse(request.headers.get('cookie'))
  const parsed = Token.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** Clears a cookie that points at a session that has ended. */
export async function clearSessionCookie(): Promise<string> {
  return cookies(appContext().settings).session.serialize('', { maxAge: 0 })
}

export const limits = (settings: AppSettings): SessionLimits => ({
  idleMinutes: settings.idleMinutes,
  maxHours: settings.maxHours,
})
