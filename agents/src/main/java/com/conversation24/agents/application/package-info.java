/**
 * Use cases of the agents context: keeping the facts it owns as events are accepted (or the log is
 * replayed), and publishing them as its records.
 */
package com.conversation24.agents.application;
