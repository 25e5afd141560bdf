/**
 * What access publishes: who is calling ({@link com.conversation24.campaigns.access.api.CurrentCaller})
 * and the administration of an account's users and tokens, as records. Interfaces only: the
 * implementations live in the rooms below.
 */
package com.conversation24.campaigns.access.api;
