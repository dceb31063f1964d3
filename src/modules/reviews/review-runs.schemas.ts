import { Type } from 'typebox';
import { IdString, TextString } from '../../http/strings.js';
import { Opt } from '../../http/wire.js';
import { MAX_DECISIONS } from './review-runs.service.js';
import { AccessReviewView } from './reviews.schemas.js';

/** Roster's extensions that run a campaign (CONTRACT.md §7.28). */

export const StartAccessReviewBody = Type.Object({});

export const CloseAccessReviewBody = Type.Object({
  /** What happens to the certify tasks still open: SKIP cancels them, REVOKE decertifies them. */
  remaining: Type.Union([Type.Literal('SKIP'), Type.Literal('REVOKE')]),
});

export const AccessReviewRunResponse = Type.Object({ accessReview: AccessReviewView });

export const AccessReviewProgress = Type.Object({
  accessReviewId: Type.String(),
  state: Type.String(),
  /** How many grants the frozen population holds. */
  populationSize: Type.Integer(),
  /** The change-stream position (a change cursor) the population was frozen at. */
  populationPosition: Type.String(),
  /** True once the start job has created every certify task. */
  populated: Type.Boolean(),
  tasksCreated: Type.Integer(),
  open: Type.Integer(),
  decided: Type.Integer(),
  certified: Type.Integer(),
  decertified: Type.Integer(),
  cancelled: Type.Integer(),
});
export const AccessReviewProgressResponse = Type.Object({ progress: AccessReviewProgress });

export const EvidenceQuery = Type.Object({
  /** json (the default) or csv: one row per item with a header row (RFC 4180). */
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
});

export const DecisionsBody = Type.Object({
  decisions: Type.Array(
    Type.Object({
      taskId: IdString({ minLength: 1 }),
      decision: Type.Union([Type.Literal('CERTIFY'), Type.Literal('DECERTIFY')]),
      comment: Opt(TextString()),
    }),
    { minItems: 1, maxItems: MAX_DECISIONS },
  ),
});

const ErrorBodySchema = Type.Object({
  code: Type.Integer(),
  message: Type.String(),
  details: Type.Array(Type.Unknown()),
});

export const DecisionsResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      taskId: Type.String(),
      ok: Type.Boolean(),
      /** The task's state and outcome after the decision (when ok). */
      state: Type.Optional(Type.String()),
      outcome: Type.Optional(Type.String()),
      /** Why the decision was refused (when not ok): the error body of CONTRACT.md §7.1. */
      error: Type.Optional(ErrorBodySchema),
    }),
  ),
});
