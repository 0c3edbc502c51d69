import { stringify } from 'yaml';

export interface PatroniMember {
  name: string;
  folder: string;
  /** PostgreSQL's port */
  port: number;
  /** Patroni's REST API port (HAProxy's /primary check) */
  restPort: number;
}

export interface PatroniSecrets {
  superuser: string;
  replication: string;
}

/**
 * Patroni's configuration for one database node. Synchronous mode: a commit returns only once
 * the synchronous replica has the WAL on disk, so a push the server acknowledged survives the
 * loss of the primary, and only that replica may be promoted. Not strict: with the replica gone,
 * the primary keeps accepting writes alone rather than stopping the province.
 */
export function patroniConfig(
  member: PatroniMember,
  etcdClientUrl: string,
  binDir: string,
  secrets: PatroniSecrets,
): string {
  const loopback = '127.0.0.1/32';
  const config = {
    scope: 'sen',
    name: member.name,
    log: { level: 'WARNING' },
    restapi: {
      listen: `127.0.0.1:${member.restPort}`,
      connect_address: `127.0.0.1:${member.restPort}`,
    },
    etcd3: { hosts: [etcdClientUrl.replace(/^https?:\/\//, '')] },
    bootstrap: {
      dcs: {
        // Failover timing: the leader key lives `ttl` seconds unless renewed (every loop_wait);
        // a killed primary is replaced about ttl seconds later. 20 is Patroni's minimum.
        ttl: 20,
        loop_wait: 2,
        retry_timeout: 5,
        maximum_lag_on_failover: 1048576,
        synchronous_mode: true,
        synchronous_mode_strict: false,
        postgresql: {
          use_pg_rewind: true,
          use_slots: true,
          parameters: {
            max_connections: 200,
            wal_level: 'replica',
            hot_standby: 'on',
            max_wal_senders: 10,
            max_replication_slots: 10,
            wal_log_hints: 'on',
            synchronous_commit: 'on',
          },
        },
      },
      initdb: [{ encoding: 'UTF8' }, { auth: 'scram-sha-256' }],
    },
    postgresql: {
      listen: `127.0.0.1:${member.port}`,
      connect_address: `127.0.0.1:${member.port}`,
      data_dir: `${member.folder}/data`,
      bin_dir: binDir,
      pgpass: `${member.folder}/pgpass`,
      authentication: {
        superuser: { username: 'postgres', password: secrets.superuser },
        replication: { username: 'replicator', password: secrets.replication },
        rewind: { username: 'postgres', password: secrets.superuser },
      },
      parameters: { unix_socket_directories: member.folder },
      pg_hba: [
        `local all all scram-sha-256`,
        `host replication replicator ${loopback} scram-sha-256`,
        `host all all ${loopback} scram-sha-256`,
      ],
    },
    tags: { nofailover: false, noloadbalance: false, clonefrom: false, nosync: false },
  };
  return stringify(config);
}
