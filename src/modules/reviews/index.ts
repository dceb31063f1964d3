/** Access reviews (issue 20): campaigns that certify grants. What other modules may use. */

export { type CampaignDue, listOpenCampaignsDueBefore } from './review-items.repository.js';
export { reviewRunsRoutes } from './review-runs.routes.js';
export { createReviewRunsService, type ReviewRunsService } from './review-runs.service.js';
export { reviewsRoutes } from './reviews.routes.js';
export { createReviewsService, type ReviewsService } from './reviews.service.js';
