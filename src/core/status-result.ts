/**
 * What the PMs say: the `pmStatus` field of the roll-up result (docs/result-schema.md), one entry per project
 * whose sheet has a status block. Public contract: add fields, never rename.
 */
import type { HealthColor } from './settings';

export interface PmStatusResult {
  projectId: string;
  projectName: string;
  manager: string | null;
  sheet: string;
  /** The PM's RAG (null when not given or not a colour; `pmRagText` is what was written). */
  pmRag: HealthColor | null;
  pmRagText: string | null;
  /** The health the figures give, and why. */
  computed: HealthColor;
  computedReason: string;
  /** True when the PM's colour and the computed one differ (both known, computed not gray). */
  disagrees: boolean;
  /** "PM says Green; figures say Red: SPI 0.84 < 0.90" when they disagree, else null. */
  disagreement: string | null;
  summary: string | null;
  accomplishments: string | null;
  nextSteps: string | null;
  decisions: string[];
  escalations: string[];
  /** Status Updated date (ISO), null when the block has none. */
  updated: string | null;
  /** Calendar days from `updated` to the status date. */
  ageDays: number | null;
  /** Updated more than `settings.statusStaleDays` days before the status date. */
  stale: boolean;
  /** Cell of the PM's RAG (or of the first value of the block), for a link. */
  cell: string;
}
