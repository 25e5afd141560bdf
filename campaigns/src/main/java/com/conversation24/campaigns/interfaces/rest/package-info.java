/**
 * HTTP edge of the campaigns context: event ingestion and the log's rebuild, the small admin API
 * for users and tokens, and the one exception mapper that turns every error of every resource into
 * an RFC 9457 problem document.
 */
package com.conversation24.campaigns.interfaces.rest;
