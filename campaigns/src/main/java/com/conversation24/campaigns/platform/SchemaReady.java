package com.conversation24.campaigns.platform;

/**
 * Fired once at start-up, after every context's migrations ran, from the web module's start (so
 * that observers can use the container's resources). Observers prepare what they need at start.
 */
public record SchemaReady() {}
