/**
 * vitest global setup (listed after the report's in `vitest.config.ts`, so that its teardown runs
 * first): after the run, the parts of every split campaign are merged into their outcomes
 * (`parts.ts`), before the report (or `uat verify`) reads them. A shard of a sharded run
 * (`UAT_KEEP_PARTS=1`) leaves its parts in place instead: another shard may hold the other parts of
 * the same campaign, and `uat report --from DIR` merges them once every shard's run directory has
 * been copied into DIR.
 */
import { mergeParts } from './parts.ts';
import { campaignSettings } from './settings.ts';

export function teardown(): void {
  if (process.env.UAT_KEEP_PARTS === '1') return;
  mergeParts(campaignSettings().runDir);
}
