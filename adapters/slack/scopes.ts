// The bot scopes Sojusz asks for: the fewest that let it answer, post, DM, upload and count thread replies.
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'channels:read',
  'groups:read',
  'files:write',
  'channels:history',
  'groups:history',
] as const;

export const BOT_EVENTS = ['app_home_opened', 'message.channels', 'message.groups', 'member_joined_channel', 'app_uninstalled', 'tokens_revoked'] as const;
