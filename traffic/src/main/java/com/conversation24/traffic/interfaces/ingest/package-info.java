/** Where the traffic context decodes its events: page views, entry point views, invites. */
package com.conversation24.traffic.interfaces.ingest;
