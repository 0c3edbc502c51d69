// The few PouchDB calls the benchmark makes. (The DefinitelyTyped packages declare a global
// Buffer that breaks Node's own types, so they are not installed.)
declare module 'pouchdb-browser' {
  interface PouchDatabase {
    replicate: { from(source: string, options?: { batch_size?: number }): Promise<unknown> };
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<void>;
  }
  const PouchDB: new (name: string) => PouchDatabase;
  export default PouchDB;
}

declare module 'pouchdb-core' {
  interface PouchDatabase {
    bulkDocs(documents: object[]): Promise<unknown>;
  }
  interface PouchConstructor {
    new (name: string): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { RequestHandler } from 'express';
  function expressPouchDB(pouch: unknown, options: { mode: string; inMemoryConfig: boolean }): RequestHandler;
  export default expressPouchDB;
}
