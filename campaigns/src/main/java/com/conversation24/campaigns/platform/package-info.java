/**
 * What every room of the application shares, and nothing else: the base type of events, input
 * faults and their problem documents (and the one mapper that writes them), the one clock, the
 * platform mode, the RFC 3339 and SHA-256 rules. Depends on no other room.
 */
package com.conversation24.campaigns.platform;
