/**
 * The ingestion kernel: reading a batch line by line, the batch's verdict, the event log (append,
 * duplicates, replay) and the one recorder that hands each context its share of a batch.
 */
package com.conversation24.campaigns.ingest.application;
