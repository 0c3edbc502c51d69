import { parseArgs } from 'node:util';
import { startCluster } from './cluster';

/**
 * `npm run cluster:start [-- --ha] [--nodes 2] [--databases 2] [--port 8780] [--folder DIR] [--no-demo]`:
 * a province on one machine, each part its own process (README, "More than one machine").
 * Without --ha: one PostgreSQL (initdb in a new folder, or DATABASE_URL when set), the Sen
 * nodes and HAProxy. With --ha: etcd, Patroni-run PostgreSQL nodes in synchronous replication,
 * the Sen nodes and HAProxy in front of both. Ctrl-C stops everything.
 */
const { values } = parseArgs({
  options: {
    ha: { type: 'boolean', default: false },
    nodes: { type: 'string', default: '2' },
    databases: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env.PORT ?? '8780' },
    folder: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
  },
});

const nodes = Number(values.nodes);
const databases = Number(values.databases);
if (!Number.isInteger(nodes) || nodes < 1 || !Number.isInteger(databases) || databases < 2) {
  console.error('--nodes must be 1 or more, --databases 2 or more');
  process.exit(2);
}

const cluster = await startCluster({
  nodes,
  port: Number(values.port),
  databaseUrl: process.env.DATABASE_URL,
  ha: values.ha ? { databases } : undefined,
  demo: !values['no-demo'],
  folder: values.folder,
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SEN_ADMIN_TOKEN: process.env.SEN_ADMIN_TOKEN },
});

console.log(`Sen cluster: ${cluster.url}  (devices and the console connect here)`);
for (const node of cluster.nodes) console.log(`  ${node.name}: ${node.url}`);
console.log(`  HAProxy statistics: ${cluster.statsUrl}`);
if (cluster.patroni) {
  for (const node of cluster.patroni.nodes) {
    const role = (await node.isPrimary()) ? 'primary' : 'replica';
    console.log(`  PostgreSQL ${node.member.name} (${role}): port ${node.member.port}, Patroni ${node.restApi}`);
  }
}
console.log(`  data and configuration: ${cluster.folder}`);
console.log('Ctrl-C stops everything.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the cluster…');
    void cluster.stop().then(() => process.exit(0));
  });
}
