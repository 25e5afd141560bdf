/** Use cases of access: users, tokens, the bootstrap operator, sign-in throttling. */
package com.conversation24.campaigns.access.application;
