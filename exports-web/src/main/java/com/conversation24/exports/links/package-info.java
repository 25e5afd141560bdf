/**
 * Public links: unauthenticated access to one account's report with fixed criteria, by a bearer
 * token in the URL; issuing, revoking, rate limits, and serving the file ({@code /api/links},
 * {@code /r/*}).
 */
package com.conversation24.exports.links;
