import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, scrubBsn } from '../../server/logger'

describe('the log scrubber', () => {
  it('blanks a BSN standing on its own, in a path, a query, JSON or an error of PostgreSQL', () => {
    expect(scrubBsn('999993653')).toBe('[bsn]')
    expect(scrubBsn('/zoeken/999993653?bsn=999993653&x=1')).toBe('/zoeken/[bsn]?bsn=[bsn]&x=1')
    expect(scrubBsn('{"bsn":"999990019"}')).toBe('{"bsn":"[bsn]"}')
    expect(scrubBsn('Key (bsn)=(999990020) already exists.')).toBe('Key (bsn)=([bsn]) already exists.')
    expect(scrubBsn('bsn_999993653 and BSN 999993653.')).toBe('bsn_[bsn] and BSN [bsn].')
  })

  it('blanks a BSN glued to a few letters, which is no id', () => {
    expect(scrubBsn('bsn999993653')).toBe('bsn[bsn]')
    expect(scrubBsn('a999993653')).toBe('a[bsn]')
    expect(scrubBsn('ZS999993653X')).toBe('ZS[bsn]X')
  })

  it('keeps request ids whole: a UUID with nine digits between letters in its last group', () => {
    // The last group of this UUID holds "123456789" between letters: a BSN-like run.
    const requestId = '3f2b8c1e-4d5a-4e6f-9a0b-c123456789de'
    expect(scrubBsn(requestId)).toBe(requestId)
    expect(scrubBsn(`request ${requestId} failed`)).toBe(`request ${requestId} failed`)
    expect(scrubBsn(`/mijn/zaken/${requestId}?x=999993653`)).toBe(`/mijn/zaken/${requestId}?x=[bsn]`)
  })

  it('keeps long hexadecimal ids whole (hashes, trace ids), and the grouped log fingerprints', () => {
    const sha = 'a123456789b0c1d2e3f405162738495a6b7c8d9e'
    expect(scrubBsn(sha)).toBe(sha)
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    expect(scrubBsn(traceId)).toBe(traceId)
    expect(scrubBsn('3f9a-0c12-7777-abcd')).toBe('3f9a-0c12-7777-abcd')
  })

  it('still scrubs nine digits that are a whole token, however long the digits around are not', () => {
    expect(scrubBsn('1234567890')).toBe('1234567890') // ten digits: a number, not a BSN
    expect(scrubBsn('12345678')).toBe('12345678')
    expect(scrubBsn('999993653-999990019')).toBe('[bsn]-[bsn]')
  })

  it('applies to every log call: messages, objects and errors', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logger = createLogger('info', sink)
    const requestId = '3f2b8c1e-4d5a-4e6f-9a0b-c123456789de'
    logger.error({ requestId, err: new Error('duplicate key (bsn)=(999993653)') }, 'failed for 999990019')
    const line = JSON.parse(lines[0])
    expect(line.requestId).toBe(requestId)
    expect(line.msg).toBe('failed for [bsn]')
    expect(JSON.stringify(line)).not.toMatch(/999993653|999990019/)
  })
})
