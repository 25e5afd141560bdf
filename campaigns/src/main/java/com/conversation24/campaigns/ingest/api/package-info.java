/**
 * What the ingestion kernel publishes to every room: the log's position and head, and the moments
 * a batch's recording opens and seals, or a rebuild starts. Never a raw batch.
 */
package com.conversation24.campaigns.ingest.api;
