/** Access reviews (issue 20): campaigns that certify grants. What other modules may use. */
export { reviewsRoutes } from './reviews.routes.js';
export { createReviewsService, type ReviewsService } from './reviews.service.js';
