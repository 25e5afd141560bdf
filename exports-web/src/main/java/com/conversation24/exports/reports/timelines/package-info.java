/**
 * The derived timelines of REPORTS.md that several reports share: presence and activity
 * intervals, work shifts and sign-offs, receipts, the measures of a work shift, hour buckets and
 * the quarter hours traffic is counted in. Plain Java.
 */
package com.conversation24.exports.reports.timelines;
