/**
 * The local host's HTTP edge as a browser's connection pool meets it: a refused body must not leave the keep-alive
 * connection it came on stuck, or the app's next call on that connection never gets an answer.
 */
import { Agent, request } from 'node:http'
import { connect } from 'node:net'

import { MAX_BODY_BYTES, MAX_DRAIN_BYTES, type RunningHost, startHost } from '../../server/host'
import { uninstallLocalPlatform } from '../../server/platform'
import { FUNCTIONS_DIR } from '../support/backend'

const MB = 1024 * 1024
/** Over the limit, but within what the host reads out and drops to keep the connection. */
const ABOVE_LIMIT = 2 * MAX_BODY_BYTES
/**
 * Far above a local round trip even on a busy machine, below the test's timeout: a hang fails with a message
 * naming the call, not a bare timeout. Nothing waits for it when the host answers.
 */
const ANSWER_WITHIN_MS = 15_000
jest.setTimeout(60_000)
const SIGN_IN = JSON.stringify({ fresh: true })

let host: RunningHost | undefined

// In memory: nothing here is about durability, and a fresh data folder costs a few fsyncs a busy disk makes slow.
beforeAll(async () => {
  host = await startHost({ port: 0, dataDir: null, functionsDir: FUNCTIONS_DIR, seed: false })
})

afterAll(async () => {
  await host?.close()
  uninstallLocalPlatform()
})

function hostUrl(): string {
  if (!host) throw new Error('the host did not start')
  return host.url
}

/** One POST through `agent`; rejects when no answer comes within ANSWER_WITHIN_MS. */
function post(
  agent: Agent,
  path: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${hostUrl()}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', ...headers },
        timeout: ANSWER_WITHIN_MS,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`no answer to POST ${path} within ${ANSWER_WITHIN_MS} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

function rawRequest(path: string, body: Buffer | string): Buffer {
  const bytes = Buffer.from(body)
  const head =
    `POST ${path} HTTP/1.1\r\nHost: local\r\nConnection: keep-alive\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`
  return Buffer.concat([Buffer.from(head), bytes])
}

/**
 * Writes `bytes` on one raw connection and reads until `answers` responses have come or the host closes it.
 * Resolves with what arrived and how it ended; "silent" is a connection left open with answers missing.
 */
function exchange(
  bytes: Buffer,
  answers: number,
): Promise<{ statuses: number[]; ended: 'answered' | 'closed' | 'silent' }> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(hostUrl()).port), '127.0.0.1')
    let received = ''
    const statuses = () => [...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]))
    const finish = (ended: 'answered' | 'closed' | 'silent') => {
      clearTimeout(deadline)
      socket.destroy()
      resolve({ statuses: statuses(), ended })
    }
    const deadline = setTimeout(() => finish('silent'), ANSWER_WITHIN_MS)
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      received += chunk
      if (statuses().length >= answers) finish('answered')
    })
    // A host that closes while the client is still writing shows up here as EPIPE or ECONNRESET.
    socket.on('error', () => undefined)
    socket.on('close', () => finish('closed'))
    socket.end(bytes)
  })
}

describe('a body above the host’s limit', () => {
  it('is refused with 413, and the next call through the same connection pool is answered', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const refused = await post(agent, '/fn/account', Buffer.alloc(ABOVE_LIMIT, 'a'))
      expect(refused.status).toBe(413)
      expect(refused.json).toMatchObject({ ok: false, code: 'COMMON.TOO_LARGE' })

      const signedIn = await post(agent, '/local/login', SIGN_IN)
      expect(signedIn.status).toBe(200)
      const me = await post(agent, '/fn/account', JSON.stringify({ action: 'account/me', data: {} }), {
        authorization: `Bearer ${signedIn.json.token}`,
      })
      expect(me.json).toMatchObject({ ok: true })
    } finally {
      agent.destroy()
    }
  })

  it('is read out, so a request sent right behind it on the same connection is answered', async () => {
    const pipelined = Buffer.concat([
      rawRequest('/fn/account', Buffer.alloc(ABOVE_LIMIT, 'a')),
      rawRequest('/local/login', SIGN_IN),
    ])
    expect(await exchange(pipelined, 2)).toEqual({ statuses: [413, 200], ended: 'answered' })
  })

  it('past what the host reads and drops, ends in a closed connection, not a hanging one', async () => {
    const result = await exchange(rawRequest('/fn/account', Buffer.alloc(MAX_DRAIN_BYTES + 4 * MB, 'a')), 2)
    expect(result.ended).toBe('closed')
    // The 413 is sent before the close, but a client still writing may see the reset before it reads the answer.
    expect(result.statuses.filter((status) => status !== 413)).toEqual([])
  })

  it('is refused on the demo sign-in too', async () => {
    const result = await exchange(rawRequest('/local/login', Buffer.alloc(ABOVE_LIMIT, ' ')), 1)
    expect(result.statuses).toEqual([413])
  })
})
