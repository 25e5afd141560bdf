/**
 * Export jobs: a report's file prepared in the background with its manifest (rows, bytes,
 * SHA-256, how far ingestion had got), claimed by one member at a time, downloaded with ranges
 * ({@code /api/export-jobs}).
 */
package com.conversation24.exports.jobs;
