/**
 * What the conversations context publishes: chats, receipts, messages, surveys, success codes,
 * goals and blocks, as event records keyed by session id.
 */
package com.conversation24.conversations.api;
