import { openSqliteStore, type SqliteStore } from '../../bot/src/adapters/sqlite/sqlite-store';
import { describeStorageContract } from './storage-contract';

let store: SqliteStore | undefined;
describeStorageContract('embedded SQLite store', () => ({
  open: async () => (store = openSqliteStore(':memory:')),
  close: async () => store?.close(),
}));
