import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { describeRoundStateContract } from './round-state-contract';

let store: SqliteStore | undefined;
afterAll(() => store?.close());
describeRoundStateContract('embedded SQLite store', async () => (store = openSqliteStore(':memory:')));
