/**
 * Saved exports: a report delivered on a schedule by mail or webhook, with each period's delivery
 * and its attempts ({@code /api/saved-exports}).
 */
package com.conversation24.exports.deliveries;
