/** The campaigns context's own model: who may sign in and with which role. */
package com.conversation24.campaigns.domain;
