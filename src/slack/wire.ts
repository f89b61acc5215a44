/**
 * The shapes Slack's Web API sends for the objects slackgate reads (the fields it uses; Slack
 * sends more). One definition for the sync, the targeted refresh and the provisioners.
 */

export interface SlackUser {
  id: string;
  team_id?: string;
  name?: string;
  deleted?: boolean;
  real_name?: string;
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  is_invited_user?: boolean;
  is_stranger?: boolean;
  has_2fa?: boolean;
  updated?: number;
  profile?: {
    email?: string;
    display_name?: string;
    real_name?: string;
    first_name?: string;
    last_name?: string;
    title?: string;
    status_text?: string;
    status_emoji?: string;
    team?: string;
  };
  enterprise_user?: { id?: string; enterprise_id?: string; is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean; teams?: string[] };
}

export interface SlackTeam {
  id: string;
  name: string;
  domain?: string;
  enterprise_id?: string;
  enterprise_name?: string;
  email_domain?: string;
}

export interface SlackUserGroup {
  id: string;
  team_id?: string;
  name: string;
  handle?: string;
  description?: string;
  date_delete?: number;
  auto_type?: string | null;
  is_idp_group?: boolean;
  user_count?: number | string;
  users?: string[];
}

export interface SlackChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_general?: boolean;
  num_members?: number;
  context_team_id?: string;
}
