/** Where the agents context decodes its events: profiles, work shifts, presence. */
package com.conversation24.agents.interfaces.ingest;
