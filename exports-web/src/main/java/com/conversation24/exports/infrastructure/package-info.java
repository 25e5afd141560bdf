/**
 * HTTP plumbing every feature shares: the connection breaker that ends a short download as a
 * broken transfer (Payara's Grizzly connection), the unsent-bytes filter, security headers, JSON
 * request bodies and the plain page of errors.
 */
package com.conversation24.exports.infrastructure;
