/**
 * Transaction bookkeeping: pending writes and per-document locks.
 *
 * CloudBase transactions only allow single-document operations. Locally every document a transaction
 * touches (read or write) is locked until commit or abort, so two transactions doing read-modify-write on one
 * document run one after the other instead of losing an update. A transaction that would wait on a lock held
 * by a transaction that (transitively) waits on it, or that waits longer than `lockTimeoutMs`, fails with
 * DATABASE_TRANSACTION_CONFLICT — the code runTransaction retries on. A transaction left open longer than
 * `lifetimeMs` is aborted so its locks cannot wedge the store.
 */
import { randomBytes } from 'crypto'

import { type DbError, requestFailed, transactionConflict } from './errors'
import { idKey } from './indexes'
import type { Doc, DocId } from './values'

export interface PendingWrite {
  collection: string
  id: DocId
  /** The committed document when the transaction first touched it (stable: the document is locked). */
  before: Doc | null
  /** The document as the transaction left it; null means removed (or never existed). */
  after: Doc | null
}

export type TxState = 'active' | 'committing' | 'ended'

export interface Transaction {
  readonly id: string
  state: TxState
  readonly writes: Map<string, PendingWrite>
  readonly held: Set<string>
  /** Wall-clock time (ms) after which the transaction is aborted. */
  readonly expiresAt: number
  timer?: NodeJS.Timeout
}

export interface TransactionOptions {
  lifetimeMs: number
  lockTimeoutMs: number
}

const transactionGone = (id: unknown): DbError =>
  requestFailed(`[LocalDatabase] transaction ${String(id)} does not exist, has ended or has expired`)

export const lockKey = (collection: string, id: DocId): string => `${collection}\u0000${idKey(id)}`

export class TransactionManager {
  private readonly transactions = new Map<string, Transaction>()
  private readonly locks = new Map<string, Transaction>()
  private readonly waiters = new Map<string, Array<() => void>>()
  /** Which transaction each blocked transaction waits for, for deadlock detection. */
  private readonly waitsFor = new Map<Transaction, Transaction>()

  constructor(private readonly options: TransactionOptions) {}

  begin(): Transaction {
    const tx: Transaction = {
      id: randomBytes(16).toString('hex'),
      state: 'active',
      writes: new Map(),
      held: new Set(),
      expiresAt: Date.now() + this.options.lifetimeMs,
    }
    tx.timer = setTimeout(() => {
      if (tx.state === 'active') this.end(tx)
    }, this.options.lifetimeMs)
    tx.timer.unref()
    this.transactions.set(tx.id, tx)
    return tx
  }

  /** The active transaction with this id, or a CloudBase-style failure if it ended or never existed. */
  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.transactions.get(id) : undefined
    if (!tx || tx.state !== 'active') throw transactionGone(id)
    return tx
  }

  active(): Transaction[] {
    return [...this.transactions.values()]
  }

  /** The transaction holding a lock on this document, if any. */
  holder(key: string): Transaction | undefined {
    return this.locks.get(key)
  }

  /** Takes the document lock for `tx`, waiting while another transaction holds it. */
  async lock(tx: Transaction, key: string): Promise<void> {
    const deadline = Date.now() + this.options.lockTimeoutMs
    for (;;) {
      if (tx.state !== 'active') throw transactionGone(tx.id) // it expired while waiting
      const holder = this.locks.get(key)
      if (!holder || holder === tx) {
        this.locks.set(key, tx)
        tx.held.add(key)
        return
      }
      if (this.leadsTo(holder, tx)) throw transactionConflict('deadlock between two transactions')
      this.waitsFor.set(tx, holder)
      const released = await this.waitForRelease(key, deadline)
      this.waitsFor.delete(tx)
      if (!released && !this.expireOverdue(key))
        throw transactionConflict('timed out waiting for a document locked by another transaction')
    }
  }

  /**
   * Aborts the transaction holding `key` if its lifetime has passed, and says whether the lock is free.
   * Node schedules a timer from the event loop's cached clock, so on a busy machine a waiter's timer can
   * fire before the holder's expiry timer although it was set for a later wall-clock time.
   */
  expireOverdue(key: string): boolean {
    const holder = this.locks.get(key)
    if (holder?.state === 'active' && Date.now() >= holder.expiresAt) this.end(holder)
    return !this.locks.has(key)
  }

  /** Resolves true when the lock on `key` is released, false at the deadline. */
  waitForRelease(key: string, deadline: number): Promise<boolean> {
    if (!this.locks.has(key)) return Promise.resolve(true)
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? []
      const wake = (): void => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(
        () => {
          const current = this.waiters.get(key)
          if (current)
            this.waiters.set(
              key,
              current.filter((w) => w !== wake),
            )
          resolve(false)
        },
        Math.max(0, deadline - Date.now()),
      )
      list.push(wake)
      this.waiters.set(key, list)
    })
  }

  private leadsTo(from: Transaction, target: Transaction): boolean {
    const seen = new Set<Transaction>()
    for (let tx: Transaction | undefined = from; tx && !seen.has(tx); tx = this.waitsFor.get(tx)) {
      if (tx === target) return true
      seen.add(tx)
    }
    return false
  }

  /** Ends a transaction (after commit or on abort/expiry) and wakes whoever waits on its locks. */
  end(tx: Transaction): void {
    tx.state = 'ended'
    if (tx.timer) clearTimeout(tx.timer)
    this.transactions.delete(tx.id)
    for (const key of tx.held) {
      if (this.locks.get(key) === tx) this.locks.delete(key)
      const list = this.waiters.get(key)
      this.waiters.delete(key)
      for (const wake of list ?? []) wake()
    }
    tx.held.clear()
  }

  endAll(): void {
    for (const tx of this.active()) this.end(tx)
  }
}
