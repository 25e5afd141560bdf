/** JPA plumbing of the campaigns context. */
package com.conversation24.campaigns.infrastructure.persistence;
