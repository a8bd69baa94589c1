import net from 'node:net'

export interface ReceivedMail {
  from: string
  to: string[]
  data: string
}

export interface SmtpSink {
  url: string
  received: ReceivedMail[]
  /** While set, RCPT TO answers with this temporary failure (e.g. "451 4.3.0 try again later"). */
  failWith: string | null
  close(): Promise<void>
}

/**
 * A tiny SMTP server for tests: speaks just enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT) for nodemailer to deliver to it, keeps what it receives, and can be told to
 * refuse, so a test can show that a failed delivery is retried. No TLS, no AUTH.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { url: '', received: [], failWith: null, close: async () => {} }
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let envelope: { from: string; to: string[] } = { from: '', to: [] }
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 sink.test ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n')
          if (end < 0) return
          const data = buffer.slice(0, end).replace(/^\.\./gm, '.')
          buffer = buffer.slice(end + 5)
          inData = false
          sink.received.push({ ...envelope, data })
          envelope = { from: '', to: [] }
          reply('250 2.0.0 queued')
          continue
        }
        const newline = buffer.indexOf('\r\n')
        if (newline < 0) return
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 2)
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO') reply('250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8')
        else if (verb === 'HELO') reply('250 sink.test')
        else if (verb === 'MAIL') {
          envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? ''
          reply('250 2.1.0 ok')
        } else if (verb === 'RCPT') {
          if (sink.failWith) reply(sink.failWith)
          else {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '')
            reply('250 2.1.5 ok')
          }
        } else if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'RSET') {
          envelope = { from: '', to: [] }
          reply('250 2.0.0 ok')
        } else if (verb === 'NOOP') reply('250 2.0.0 ok')
        else if (verb === 'QUIT') {
          reply('221 2.0.0 bye')
          socket.end()
        } else reply('502 5.5.2 not implemented')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as net.AddressInfo
  sink.url = `smtp://127.0.0.1:${port}`
  sink.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  return sink
}
