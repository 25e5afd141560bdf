/**
 * The export use case: which reports exist, how a request's query parameters become criteria
 * (range, zone, filters, tenancy) and a file name, and the service that reads the facts and writes
 * a report's rows. Plain Java except for {@link
 * com.conversation24.exports.application.ExportService}, so the rules are unit-tested with a fixed
 * clock.
 */
package com.conversation24.exports.application;
