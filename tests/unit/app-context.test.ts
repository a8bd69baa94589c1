import { describe, expect, it } from 'vitest'
import { appSettingsOf, appStorage, settings, type AppSettings } from '~/context.server'
import { holidayCalendar, publicBaseUrl } from '~/services/calendar.server'
import { isWorkingDay } from '~/domain/working-days'
import { loadConfig } from '../../server/config'

/** One context (app/context.server.ts): what a request runs with comes from server/config.ts. */
const settingsFor = (vars: Record<string, string>): AppSettings =>
  appSettingsOf(loadConfig({ NODE_ENV: 'test', ...vars }), { appSecret: 'x'.repeat(32), logSalt: 'salt' })
const inRequest = <T>(s: AppSettings, fn: () => T): T =>
  appStorage.run({ settings: s, logger: { info() {}, warn() {}, error() {} }, memo: new Map() }, fn)

describe('the app context', () => {
  it('gives the calendar the decree days of the settings it runs with (Atw art. 3(3))', () => {
    const decree = settingsFor({ HOLIDAYS_BY_DECREE: '2026-05-15' }) // the Friday after Ascension Day
    const none = settingsFor({})
    expect(inRequest(decree, () => isWorkingDay('2026-05-15', holidayCalendar()))).toBe(false)
    expect(inRequest(none, () => isWorkingDay('2026-05-15', holidayCalendar()))).toBe(true)
  })

  it('has one public address: BASE_URL without its slash, for pages and letters alike', () => {
    const s = settingsFor({ BASE_URL: 'https://mijn.groningen.example/' })
    expect(inRequest(s, () => [settings().baseUrl, publicBaseUrl(), settings().secureCookies])).toEqual([
      'https://mijn.groningen.example',
      'https://mijn.groningen.example',
      true,
    ])
    expect(settingsFor({ BASE_URL: 'http://127.0.0.1:3000' }).secureCookies).toBe(false)
  })

  it('carries the impersonation settings, the API rate and the event source', () => {
    const s = settingsFor({
      BASE_URL: 'https://mijn.groningen.example',
      IMPERSONATION_MAX_LEVEL: 'substantieel',
      AUDIT_SHOW_STAFF_NAMES: 'false',
      API_RATE_LIMIT_BURST: '3',
    })
    expect(s.impersonation).toEqual({ maxLevel: 'substantieel', showStaffNames: false })
    expect(s.apiRate).toEqual({ burst: 3, perSecond: 50 })
    expect(s.eventSource).toBe('https://mijn.groningen.example/mijn-stad')
  })
})
