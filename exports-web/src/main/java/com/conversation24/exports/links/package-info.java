/**
 * Public links: unauthenticated access to one account's report with fixed criteria, by a bearer
 * token in the URL; issuing, revoking, rate limits, and serving the file ({@code /api/public-links},
 * {@code /public/reports/*}).
 */
package com.conversation24.exports.links;
