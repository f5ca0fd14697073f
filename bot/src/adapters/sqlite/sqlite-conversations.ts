/**
 * People's personal-chat references (where a proactive card goes), in the embedded SQLite file:
 * one row per person, replaced when the bot learns a newer one.
 */
import type Database from 'better-sqlite3';
import type { ConversationStore, ConversationTarget } from '../../app/ports';
import { statementCache, type Prepare } from './statements';

export class SqliteConversationStore implements ConversationStore {
  private readonly prepare: Prepare;

  constructor(db: Database.Database) {
    this.prepare = statementCache(db);
  }

  async saveConversation(t: ConversationTarget): Promise<void> {
    this.prepare(
      `INSERT INTO conversations (user_id, tenant_id, service_url, conversation_id, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET tenant_id = excluded.tenant_id, service_url = excluded.service_url,
           conversation_id = excluded.conversation_id, updated_at = excluded.updated_at`,
    ).run(t.userId, t.tenantId ?? null, t.serviceUrl, t.conversationId, new Date().toISOString());
  }

  async findConversation(userId: string): Promise<ConversationTarget | undefined> {
    const row = this.prepare('SELECT * FROM conversations WHERE user_id = ?').get(userId) as
      { user_id: string; tenant_id: string | null; service_url: string; conversation_id: string } | undefined;
    return (
      row && {
        userId: row.user_id,
        ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
        serviceUrl: row.service_url,
        conversationId: row.conversation_id,
      }
    );
  }
}
