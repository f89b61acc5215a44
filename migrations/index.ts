import type { Migration } from 'kysely';
import * as domain from './2026-11-28T1400_domain.ts';
import * as syncStaging from './2026-11-28T1430_sync_staging.ts';
import * as provisioningOutcomes from './2026-11-28T1600_provisioning_outcomes.ts';
import * as requestTransitions from './2026-11-28T1700_request_transitions.ts';
import * as stageAccountWorkspace from './2026-12-02T0400_stage_account_workspace.ts';
import * as apiClientNotices from './2026-12-02T0500_api_client_notices.ts';
import * as catalogNotices from './2026-12-02T0700_catalog_notices.ts';
import * as slackApp from './2026-12-04T1400_slack_app.ts';
import * as accessNotices from './2026-12-04T1500_access_notices.ts';
import * as apiClientFairUse from './2026-12-04T1600_api_client_fair_use.ts';
import * as accessChanges from './2026-12-04T1620_access_changes.ts';
import * as liveCache from './2026-12-04T1630_live_cache.ts';
import * as hardening from './2026-12-04T1700_hardening.ts';
import * as syncPages from './2026-12-04T2000_sync_pages.ts';
import * as accountStatusKey from './2026-12-04T2100_account_status_key.ts';

// Every migration, by name, in the order they apply. Imported statically rather than found by
// reading the folder, so the same list works under tsx, vitest and compiled JavaScript.
// A test checks that every file in this folder is listed here.
export const migrations: Record<string, Migration> = {
  '2026-11-28T1400_domain': domain,
  '2026-11-28T1430_sync_staging': syncStaging,
  '2026-11-28T1600_provisioning_outcomes': provisioningOutcomes,
  '2026-11-28T1700_request_transitions': requestTransitions,
  '2026-12-02T0400_stage_account_workspace': stageAccountWorkspace,
  '2026-12-02T0500_api_client_notices': apiClientNotices,
  '2026-12-02T0700_catalog_notices': catalogNotices,
  '2026-12-04T1400_slack_app': slackApp,
  '2026-12-04T1500_access_notices': accessNotices,
  '2026-12-04T1600_api_client_fair_use': apiClientFairUse,
  '2026-12-04T1620_access_changes': accessChanges,
  '2026-12-04T1630_live_cache': liveCache,
  '2026-12-04T1700_hardening': hardening,
  '2026-12-04T2000_sync_pages': syncPages,
  '2026-12-04T2100_account_status_key': accountStatusKey,
};
