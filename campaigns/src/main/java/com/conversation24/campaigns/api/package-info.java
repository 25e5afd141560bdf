/**
 * What the campaigns context publishes: the facts of accounts, campaigns, entry points and
 * hosts, and the ingestion kernel the other contexts plug their event types into.
 */
package com.conversation24.campaigns.api;
