import type { WebhookEventType } from '@regwatch/core';

/**
 * The body of one webhook delivery, in the Standard Webhooks shape (`type`, `timestamp`, `data`):
 * the story as /v1/stories shows it, its primary item first and at most its first few items
 * (`itemCount` says how many it has; `itemsUrl` pages through them).
 */
export interface WebhookPayload<Story> {
  type: WebhookEventType;
  /** When the event happened (the story's version), ISO 8601. */
  timestamp: string;
  data: { story: Story & { itemsUrl: string } };
}

export function webhookPayload<Story extends { id: string }>(
  type: WebhookEventType,
  story: Story,
  at: Date,
): WebhookPayload<Story> {
  return {
    type,
    timestamp: at.toISOString(),
    data: { story: { ...story, itemsUrl: `/v1/stories/${story.id}/items` } },
  };
}
