/** HTTP edge of access: the small admin API for users and tokens. */
package com.conversation24.campaigns.access.interfaces;
