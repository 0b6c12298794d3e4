/**
 * The part of wx-server-sdk 3.0.4 this project uses. The package names a declaration file
 * it does not ship, so these types are ours; keep them to what the SDK really does.
 */
declare module 'wx-server-sdk' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Doc = Record<string, any>
  /** What callers write: any plain object (interfaces have no index signature, so not `Doc`). */
  type Data = object
  /** A query or update operator; query operators chain with `and` / `or`. */
  interface Operator {
    and(...conditions: unknown[]): Operator
    or(...conditions: unknown[]): Operator
  }
  interface Command {
    in(values: unknown[]): Operator
    nin(values: unknown[]): Operator
    eq(value: unknown): Operator
    neq(value: unknown): Operator
    gt(value: unknown): Operator
    gte(value: unknown): Operator
    lt(value: unknown): Operator
    lte(value: unknown): Operator
    exists(flag: boolean): Operator
    /** An array element matching every condition at once (MongoDB `$elemMatch`). */
    elemMatch(condition: Record<string, unknown>): Operator
    and(...conditions: unknown[]): Operator
    or(...conditions: unknown[]): Operator
    set(value: unknown): Operator
    inc(value: number): Operator
    push(value: unknown): Operator
    pull(value: unknown): Operator
    addToSet(value: unknown): Operator
    remove(): Operator
    aggregate: Record<string, (...args: unknown[]) => unknown>
  }
  /**
   * A query over documents of type T. Untyped collections read `Doc`; the data-access kit
   * (cloudfunctions/common/data.ts) hands out collections typed by what they store.
   */
  export interface Query<T = Doc> {
    where(condition: Doc | Operator): Query<T>
    orderBy(field: string, order: 'asc' | 'desc'): Query<T>
    skip(n: number): Query<T>
    limit(n: number): Query<T>
    /** A projection returns `_id` and the fields asked for, nothing else. */
    field<F extends keyof T & string>(projection: { [K in F]: true }): Query<Pick<T, F | ('_id' & keyof T)>>
    /** An exclusion (`{ paper: false }`): the caller must not read the fields it left out. */
    field(projection: Record<string, boolean>): Query<T>
    get(): Promise<{ data: T[] }>
    count(): Promise<{ total: number }>
    update(options: { data: Data }): Promise<{ stats: { updated: number } }>
    remove(): Promise<{ stats: { removed: number } }>
  }
  interface DocumentRef<T = Doc> {
    get(): Promise<{ data: T }>
    set(options: { data: Data }): Promise<{ _id: string; stats: { updated: number; created: number } }>
    update(options: { data: Data }): Promise<{ stats: { updated: number } }>
    remove(): Promise<{ stats: { removed: number } }>
  }
  interface Aggregate {
    [stage: string]: (...args: unknown[]) => Aggregate
    end(): Promise<{ list: Doc[] }>
  }
  export interface Collection<T = Doc> extends Query<T> {
    doc(id: string): DocumentRef<T>
    add(options: { data: Data }): Promise<{ _id: string | number }>
    add(options: { data: Data[] }): Promise<{ _ids: Array<string | number> }>
    aggregate(): Aggregate
  }
  interface Transaction {
    collection(name: string): {
      doc(id: string): DocumentRef
      add(options: { data: Data }): Promise<{ _id: string }>
    }
  }
  interface Database {
    collection(name: string): Collection
    command: Command
    serverDate(options?: { offset?: number }): unknown
    RegExp(options: { regexp: string; options?: string }): unknown
    runTransaction<T>(callback: (transaction: Transaction) => Promise<T>, times?: number): Promise<T>
    createCollection(name: string): Promise<unknown>
  }
  interface WXContext {
    OPENID?: string
    APPID?: string
    UNIONID?: string
    ENV?: string
    SOURCE?: string
  }
  interface Cloud {
    DYNAMIC_CURRENT_ENV: symbol | string
    init(options?: { env?: unknown; traceUser?: boolean }): void
    database(options?: { env?: string; throwOnNotFound?: boolean }): Database
    getWXContext(): WXContext
    uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
    getTempFileURL(options: {
      /** A fileID, or one with how long its URL works (seconds; CloudBase's default is a day). */
      fileList: Array<string | { fileID: string; maxAge: number }>
    }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string }> }>
    /** Rejects with `{ errCode: -503003 }` (STORAGE_FILE_NONEXIST) when no file is behind the fileID. */
    downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer; statusCode: number }>
    deleteFile(options: {
      fileList: string[]
    }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg: string }> }>
    openapi: {
      wxacode: {
        getUnlimited(options: {
          scene: string
          page?: string
          checkPath?: boolean
          width?: number
        }): Promise<{
          buffer: Buffer
          contentType: string
        }>
      }
      subscribeMessage: { send(options: Doc): Promise<unknown> }
    }
  }
  const cloud: Cloud
  export = cloud
}
