/**
 * The envelope of EVENTS.md and its field rules: how an event's text is read (JSON, ids, numbers
 * as spelled), judged field by field ({@link com.conversation24.campaigns.ingest.envelope.EventData})
 * and stored once ({@link com.conversation24.campaigns.ingest.envelope.StoredEnvelope}). Contexts
 * read their events' fields with it; exports-web never does.
 */
package com.conversation24.campaigns.ingest.envelope;
