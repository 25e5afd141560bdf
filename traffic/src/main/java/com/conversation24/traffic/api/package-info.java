/** What the traffic context publishes: page views, entry point views and clicks, invites. */
package com.conversation24.traffic.api;
