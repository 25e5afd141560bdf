/**
 * The simulator: a deterministic chat operation (accounts, a contact-center account, campaigns,
 * entry points, hosts, agents with shifts and breaks, visitors, invites and chats) told as the
 * events of EVENTS.md, written to an NDJSON file or posted to a running server. The demo data of
 * the run command and the ingest and export benchmarks come from it. Not part of the WAR.
 */
package com.conversation24.app.simulator;
