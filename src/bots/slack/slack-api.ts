import type { webApi } from '@slack/bolt';

/** A Block Kit view (modal or Home tab), typed loosely: `views.ts` builds them. */
export type SlackView = Readonly<Record<string, unknown>>;

/** The Web API calls the command, modal and Home handlers make (the notifier has its own client). */
export interface SlackApi {
  openView(triggerId: string, view: SlackView): Promise<void>;
  updateView(viewId: string, view: SlackView): Promise<void>;
  publishHome(userId: string, view: SlackView): Promise<void>;
  /** Whether the member is a workspace admin or owner. */
  isAdmin(userId: string): Promise<boolean>;
  /** The member who created the channel; undefined when Slack does not say (or the app cannot see it). */
  channelCreator(channelId: string): Promise<string | undefined>;
}

/** {@link SlackApi} over a web-api client. */
export function createSlackApi(client: webApi.WebClient): SlackApi {
  return {
    async openView(triggerId, view) {
      await client.views.open({ trigger_id: triggerId, view: view as unknown as webApi.ViewsOpenArguments['view'] });
    },
    async updateView(viewId, view) {
      await client.views.update({ view_id: viewId, view: view as unknown as webApi.ViewsUpdateArguments['view'] });
    },
    async publishHome(userId, view) {
      await client.views.publish({ user_id: userId, view: view as unknown as webApi.ViewsPublishArguments['view'] });
    },
    async isAdmin(userId) {
      const { user } = await client.users.info({ user: userId });
      return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
    },
    async channelCreator(channelId) {
      const { channel } = await client.conversations.info({ channel: channelId });
      return channel?.creator;
    },
  };
}
