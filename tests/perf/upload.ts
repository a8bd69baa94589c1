/**
 * `npm run bench:upload`: what one upload of a 10 MB file costs the server. Posts a clean PDF
 * of exactly 10 MB (MAX_UPLOAD_FILE_BYTES) as evidence to the correction form
 * (/mijn/gegevens/correctie) of the production build — one after another, then several at
 * once — as Jan (demo persona, DigiD Midden), and reports the time per upload and the server
 * process's peak memory: its resident set (VmHWM in /proc/PID/status), reset before the
 * uploads (`echo 5 > /proc/PID/clear_refs`) so the start-up and the seed do not count.
 *
 * The server runs as `npm run serve` would, a child process with its own DATA_DIR. Run
 * `npm run build` first. Options (env): UPLOADS (8), PARALLEL (4).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { personaByKey } from '../../db/seed/personas'
import { MAX_UPLOAD_FILE_BYTES } from '~/domain/uploads'
import { loginAsCitizen } from '../support/login'
import { startServerProcess } from '../support/process'
import { cleanPdf } from '../support/upload-files'

const UPLOADS = Number(process.env.UPLOADS ?? 8)
const PARALLEL = Number(process.env.PARALLEL ?? 4)
const MB = 1024 * 1024

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5')
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`

const pdf = Buffer.alloc(MAX_UPLOAD_FILE_BYTES, 0x20)
cleanPdf().copy(pdf)

const server = await startServerProcess()
const pid = server.child.pid!
try {
  const cookie = await loginAsCitizen(server.baseUrl, personaByKey('jan').bsn, 'midden')
  const upload = async () => {
    const form = new FormData()
    form.append('field', 'birth_place')
    form.append('proposedValue', 'Appingedam')
    form.append('explanation', 'Ik ben in Appingedam geboren, zie de akte.')
    form.append('evidence', new Blob([pdf], { type: 'application/pdf' }), 'akte.pdf')
    const started = performance.now()
    const res = await fetch(`${server.baseUrl}/mijn/gegevens/correctie`, {
      method: 'POST',
      body: form,
      headers: { cookie, origin: server.baseUrl },
      redirect: 'manual',
    })
    await res.arrayBuffer()
    if (res.status !== 302) throw new Error(`the upload answered ${res.status}, not 302`)
    return performance.now() - started
  }
  await upload() // warm: the route's code loaded, the first draft written

  // One at a time: the peak reset before each upload, so each figure is what that upload
  // added on top of what the process held (its garbage not yet collected included).
  const single: Array<{ ms: number; added: number }> = []
  for (let i = 0; i < UPLOADS; i++) {
    resetPeak(pid)
    const before = memoryOf(pid).rss
    const ms = await upload()
    single.push({ ms, added: memoryOf(pid).peak - before })
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  console.log(
    `one at a time (${UPLOADS}): per upload median ${median(single.map((s) => s.ms)).toFixed(0)} ms; ` +
      `peak RSS added median ${mb(median(single.map((s) => s.added)))}, max ${mb(Math.max(...single.map((s) => s.added)))}`,
  )

  resetPeak(pid)
  const before = memoryOf(pid).rss
  const started = performance.now()
  const parallel = await Promise.all(Array.from({ length: PARALLEL }, () => upload()))
  const elapsed = performance.now() - started
  console.log(
    `${PARALLEL} at once: all done in ${(elapsed / 1000).toFixed(2)} s (median ${median(parallel).toFixed(0)} ms each); ` +
      `peak RSS added ${mb(memoryOf(pid).peak - before)} (${mb((memoryOf(pid).peak - before) / PARALLEL)} per upload)`,
  )
  console.log(`server RSS after: ${mb(memoryOf(pid).rss)}`)
} finally {
  await server.stop()
}
