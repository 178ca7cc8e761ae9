/** One colour per status, shared by the dependency graph, the plots and the HTML badges. */
import type { ClaimReportStatus, FindingReportStatus, PlantedReportStatus } from './model.ts';

export const STATUS_COLOURS: Readonly<Record<ClaimReportStatus | FindingReportStatus | PlantedReportStatus, string>> = {
  certified: '#1a7f37',
  'holds on samples': '#4ac26b',
  inconclusive: '#d4a72c',
  refuted: '#cf222e',
  'not run': '#8c959f',
  'shown necessary': '#8250df',
  'not shown': '#d4a72c',
  'not refuted': '#cf222e',
};
