export interface HaproxyLayout {
  /** where devices and the console connect */
  port: number;
  /** HAProxy's own statistics page (what to monitor) */
  statsPort: number;
  /** the Sen server processes, `host:port` */
  nodes: readonly string[];
  /** Patroni mode: the port the Sen nodes reach PostgreSQL on, and each database node */
  postgres?: {
    port: number;
    members: readonly { address: string; restApi: string }[];
  };
}

/**
 * HAProxy's configuration for the cluster. Sync uses a live stream (Server-Sent Events) that
 * stays open for hours, so the client/server/tunnel timeouts are long; a node that stops
 * answering /health is out within about two seconds and its open connections are cut, so its
 * devices reconnect to a live node instead of waiting on a dead socket.
 */
export function haproxyConfig(layout: HaproxyLayout): string {
  const lines = [
    'global',
    '  maxconn 4000',
    '',
    'defaults',
    '  mode http',
    '  log stdout format raw local0 err',
    '  option dontlognull',
    '  timeout connect 5s',
    '  timeout client 1h',
    '  timeout server 1h',
    '  timeout tunnel 1h',
    '  timeout http-request 30s',
    // A request that never reached a node (connection refused: the node just died) is sent to
    // another one; a request a node accepted is not replayed (the client retries it itself).
    '  retries 3',
    '  option redispatch',
    '',
    'frontend sen',
    `  bind 127.0.0.1:${layout.port}`,
    '  default_backend sen_nodes',
    '',
    'backend sen_nodes',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  http-check expect status 200',
    // Which node answered, for the logs and for tests that need to know.
    '  http-response set-header X-Sen-Node %s',
    // The device's own address for the logs (and the rate limit, once the server trusts it).
    '  option forwardfor',
    '  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions',
    ...layout.nodes.map((node, n) => `  server node${n + 1} ${node} check`),
    '',
    'listen stats',
    `  bind 127.0.0.1:${layout.statsPort}`,
    '  stats enable',
    '  stats uri /',
    '  stats refresh 5s',
  ];
  if (layout.postgres) {
    lines.push(
      '',
      // Writes go to the leader only: Patroni's REST API answers /primary with 200 on the
      // leader and 503 elsewhere. Sessions to a demoted or dead primary are cut at once.
      'listen postgres_primary',
      '  mode tcp',
      `  bind 127.0.0.1:${layout.postgres.port}`,
      '  option tcpka',
      '  option httpchk GET /primary',
      '  http-check expect status 200',
      '  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions',
      ...layout.postgres.members.map((member, n) => {
        const restPort = member.restApi.split(':').at(-1) ?? '';
        return `  server pg${n + 1} ${member.address} check port ${restPort}`;
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
