/**
 * Use cases of the campaigns context: access (users, tokens, the bootstrap operator), the event log
 * (ingestion and its replay) and the campaigns facts.
 */
package com.conversation24.campaigns.application;
