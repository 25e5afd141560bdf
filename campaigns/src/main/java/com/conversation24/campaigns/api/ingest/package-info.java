/**
 * The ingestion kernel shared by the contexts: the envelope of EVENTS.md, its field rules, and
 * the port through which each context decodes its own event types.
 */
package com.conversation24.campaigns.api.ingest;
