/**
 * Where a context plugs into the ingestion kernel: its decoder of the envelope of EVENTS.md (with
 * the field rules), its fact table and its place in the recording order. Contexts use this;
 * exports-web never does.
 */
package com.conversation24.campaigns.ingest.spi;
