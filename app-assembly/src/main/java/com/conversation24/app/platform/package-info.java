/**
 * What the assembled application needs once, for all contexts: the datasource, the schema
 * migrations at start-up and the readiness check.
 */
package com.conversation24.app.platform;
