import type { Database, SqlExecutor } from '../../server/db/database';

/** Every statement the server sent, in order (transactions' BEGIN/COMMIT are the engine's own). */
export interface StatementLog {
  readonly statements: string[];
  clear(): void;
}

/**
 * `inner` with every statement counted, those run in transactions included: what the
 * statement-count tests and the bench measure. A test and bench helper only; the server never
 * wraps its database in it. `close` replaces the inner close (a test database's drop).
 */
export function countingDatabase(
  inner: Database,
  close: () => Promise<void> = () => inner.close(),
): { database: Database; log: StatementLog } {
  const statements: string[] = [];
  const counted = (executor: SqlExecutor): SqlExecutor => ({
    query: <Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
      statements.push(sql.replace(/\s+/g, ' ').trim());
      return executor.query<Row>(sql, params);
    },
  });
  const database: Database = {
    engine: inner.engine,
    query: <Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> =>
      counted(inner).query<Row>(sql, params),
    exec: (sql) => inner.exec(sql),
    transaction: (fn) => inner.transaction((tx) => fn(counted(tx))),
    listen: (channel, onNotify) => inner.listen(channel, onNotify),
    close,
  };
  return {
    database,
    log: {
      statements,
      clear: () => {
        statements.length = 0;
      },
    },
  };
}
