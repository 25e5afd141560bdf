/** Who may sign in and with which role: console users and API tokens. */
package com.conversation24.campaigns.access.domain;
