/**
 * vitest global setup (listed after the report's in `vitest.config.ts`, so that its teardown runs
 * first): after the run, the parts of every split campaign are merged into their outcomes
 * (`parts.ts`), before the report (or `uat verify`) reads them.
 */
import { mergeParts } from './parts.ts';
import { campaignSettings } from './settings.ts';

export function teardown(): void {
  mergeParts(campaignSettings().runDir);
}
