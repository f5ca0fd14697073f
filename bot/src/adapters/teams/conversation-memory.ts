/**
 * Every turn from a person's 1:1 chat (installing the app, writing, answering a card) keeps where to
 * reach them, so reminder rounds can find them later.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationStore } from '../../app/ports';
import { tenantOf } from './activity-tenant';

export async function rememberConversation(
  context: TurnContext,
  conversations: ConversationStore,
  logger: Logger,
): Promise<void> {
  const { from, conversation, serviceUrl } = context.activity;
  if (!from?.aadObjectId || !serviceUrl || !conversation?.id) return;
  if (conversation.conversationType && conversation.conversationType !== 'personal') return;
  const tenantId = tenantOf(context.activity);
  try {
    await conversations.saveConversation({
      userId: from.aadObjectId,
      ...(tenantId ? { tenantId } : {}),
      serviceUrl,
      conversationId: conversation.id,
    });
  } catch (error) {
    // Not worth failing the person's turn over; the next turn tries again.
    logger.error({ err: error }, 'could not store the conversation reference');
  }
}
