/**
 * Exporting one report: how a request's query parameters become criteria (range, zone, filters,
 * tenancy, columns) and a file name, the admission that bounds exports running at once, the
 * reads and the sinks the rows stream through, the one download writer ({@link
 * com.conversation24.exports.export.ReportDownload}) that the API and the public links share, and
 * {@code GET /api/exports}. Plain Java except for the beans, so the rules are unit-tested with a
 * fixed clock.
 */
package com.conversation24.exports.export;
