import path from 'node:path'
import { z } from 'zod'

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'on', 'off', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'on'].includes(v)))

/** Every setting of the server, from the environment, checked once at start (README: Configuration). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const production = env.NODE_ENV === 'production'
  const schema = z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    BASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_SALT: z.string().optional(),
    SEED_DEMO_DATA: bool(true),
    MOCK_IDP: bool(true),
    MOCK_IDP_ALLOW_IN_PRODUCTION: bool(false),
    TRUST_PROXY: bool(false),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  })
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid configuration: ${problems}`)
  }
  const c = parsed.data
  const dataDir = path.resolve(c.DATA_DIR)
  return {
    ...c,
    production,
    dataDir,
    baseUrl: c.BASE_URL ?? `http://localhost:${c.PORT}`,
  }
}

export type Config = ReturnType<typeof loadConfig>
