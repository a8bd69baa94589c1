import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * In the browser every `*.server` module (and @remix-run/node) is an empty module: a value a
 * page imports from one is `undefined` there, and the page breaks after hydration (the decision
 * form crashed on `OUTCOMES.map` that way). This reads what the browser actually gets — the
 * production build of `npm run build`, which `npm test` makes first — and fails on any use of a
 * name imported from an empty module, naming the route and the name.
 *
 * How the classic compiler writes it (minified esbuild output): the empty module is a shared chunk
 * `var p=o((r,e)=>{e.exports={}});export{p as a};`; a route imports it (`import{a as X}from"…"`),
 * wraps it (`Y=c(X(),1)`) and reads `Y.name`. Only the wrapping is ever allowed to remain.
 */
const BUILD = path.resolve('public/build')
const EMPTY_MODULE =
  /^import\{[^}]*\}from"[^"]+";var [\w$]+=[\w$]+\(\([\w$]+,[\w$]+\)=>\{[\w$]+\.exports=\{\}\}\);export\{[\w$]+ as [\w$]+\};?$/

function emptyChunks(): Set<string> {
  const shared = path.join(BUILD, '_shared')
  return new Set(
    readdirSync(shared)
      .filter((file) => EMPTY_MODULE.test(readFileSync(path.join(shared, file), 'utf8').trim()))
      .map((file) => `/build/_shared/${file}`),
  )
}

const escape = (name: string) => name.replace(/\$/g, '\\$')

/** Per bundle file: the variables bound to an empty module, and the names read from them. */
function readsFromEmptyModules(file: string, empty: Set<string>) {
  const source = readFileSync(file, 'utf8')
  const bindings: string[] = []
  const reads: string[] = []
  for (const [, specifiers, from] of source.matchAll(/import\{([^}]*)\}from"([^"]+)"/g)) {
    if (!empty.has(from)) continue
    for (const specifier of specifiers.split(',')) {
      const local = specifier.split(' as ').pop()!.trim()
      const wrapped = new RegExp(`([\\w$]+)=[\\w$]+\\(${escape(local)}\\(\\),1\\)`, 'g')
      for (const [, variable] of source.matchAll(wrapped)) {
        bindings.push(variable)
        for (const [, name] of source.matchAll(new RegExp(`(?<![\\w$.])${escape(variable)}\\.([\\w$]+)`, 'g')))
          reads.push(name)
      }
    }
  }
  return { bindings, reads }
}

describe('the browser bundle', () => {
  const empty = emptyChunks()
  const files = [
    // Routes sit in a folder per area (app/routes/mijn+/, …), and so do their bundles.
    ...readdirSync(path.join(BUILD, 'routes'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(BUILD, 'routes', f)),
    ...readdirSync(path.join(BUILD, '_shared')).map((f) => path.join(BUILD, '_shared', f)),
    ...readdirSync(BUILD)
      .filter((f) => f.endsWith('.js'))
      .map((f) => path.join(BUILD, f)),
  ]

  it('is read the way the compiler writes it: server modules are empty there and the routes import them', () => {
    // If the compiler changes its output, this test must notice rather than pass on nothing.
    expect(empty.size).toBeGreaterThan(0)
    const bound = files.flatMap((f) => readsFromEmptyModules(f, empty).bindings)
    expect(bound.length).toBeGreaterThan(10)
  })

  it('reads no value from a *.server module or @remix-run/node in any page', () => {
    const offenders = files.flatMap((file) => {
      const { reads } = readsFromEmptyModules(file, empty)
      return reads.map((name) => `${path.relative(BUILD, file)}: ${name}`)
    })
    expect(offenders).toEqual([])
  })
})
