/** Use cases of the campaigns context: access (users, tokens, the bootstrap operator). */
package com.conversation24.campaigns.application;
