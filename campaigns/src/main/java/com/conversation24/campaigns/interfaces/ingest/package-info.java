/** Where the campaigns context decodes its events: accounts, campaigns, entry points, hosts. */
package com.conversation24.campaigns.interfaces.ingest;
