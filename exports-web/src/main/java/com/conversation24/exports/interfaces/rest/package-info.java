/**
 * The export API under {@code /api/exports}: the catalogue of reports and the download of one
 * report as CSV, JSON or NDJSON. Thin: it reads the request, asks the application service, and
 * streams the answer; errors leave through the one problem mapper.
 */
package com.conversation24.exports.interfaces.rest;
