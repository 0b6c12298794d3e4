/**
 * Runs async tasks one at a time, in arrival order. The local database executes every request inside this
 * queue so a read-modify-write (update, unique check + insert, commit) can never interleave with another.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined)
  }
}
