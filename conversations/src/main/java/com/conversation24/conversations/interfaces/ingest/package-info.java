/** Where the conversations context decodes its events: chats and what happens in them. */
package com.conversation24.conversations.interfaces.ingest;
