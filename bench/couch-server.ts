import express from 'express';
import expressPouchDB from 'express-pouchdb';
import type { Server } from 'node:http';
import PouchDB from 'pouchdb-core';
import PouchAdapterHttp from 'pouchdb-adapter-http';
import PouchAdapterMemory from 'pouchdb-adapter-memory';
import PouchMapReduce from 'pouchdb-mapreduce';
import PouchReplication from 'pouchdb-replication';

const MemoryPouch = PouchDB.plugin(PouchAdapterHttp)
  .plugin(PouchAdapterMemory)
  .plugin(PouchMapReduce)
  .plugin(PouchReplication)
  .defaults({ adapter: 'memory' });

/**
 * The peer Sen is measured against: a CouchDB-protocol server (express-pouchdb, the server
 * side of pouchdb-server) holding the same documents in memory, on 127.0.0.1.
 */
export async function startCouchServer(
  documents: { id: string }[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  // The bench page is served from another origin.
  app.use((request, response, next) => {
    response.setHeader('access-control-allow-origin', request.headers.origin ?? '*');
    response.setHeader('access-control-allow-credentials', 'true');
    response.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS');
    response.setHeader('access-control-allow-headers', 'content-type, accept, authorization');
    if (request.method === 'OPTIONS') response.status(204).end();
    else next();
  });
  app.use('/', expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  const database = new MemoryPouch('patients');
  for (let offset = 0; offset < documents.length; offset += 2000) {
    await database.bulkDocs(
      documents.slice(offset, offset + 2000).map((document) => ({ ...document, _id: document.id })),
    );
  }
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('couch server not listening');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
