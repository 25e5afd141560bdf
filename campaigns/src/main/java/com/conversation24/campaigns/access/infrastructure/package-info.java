/**
 * Jakarta Security for the whole application. Jakarta Security 3.0 allows one authentication
 * mechanism per application, so one mechanism decides per request: bearer tokens for /api/*,
 * form sign-in with a session for the console.
 */
package com.conversation24.campaigns.access.infrastructure;
