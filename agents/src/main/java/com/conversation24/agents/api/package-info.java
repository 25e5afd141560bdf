/** What the agents context publishes: profiles, work shifts and presence, as event records. */
package com.conversation24.agents.api;
