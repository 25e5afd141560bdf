/**
 * The console's pages (Faces, PrimeFaces) and servlets: sign-in, the dashboard, the exports page
 * with its preview, public links, deliveries and users.
 */
package com.conversation24.exports.console;
