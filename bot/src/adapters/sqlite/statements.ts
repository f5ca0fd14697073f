/**
 * Prepared statements kept per database and SQL text: better-sqlite3 compiles a statement on every
 * `prepare`, which costs more than running it does, and a round calls the same few statements for
 * each of its thousands of deliveries.
 */
import type Database from 'better-sqlite3';

export type Prepare = (sql: string) => Database.Statement;

export function statementCache(db: Database.Database): Prepare {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
