/**
 * How exports-web keeps what it owns: plain JDBC on the platform's datasource (which joins the
 * caller's JTA transaction), tables prefixed {@code exports_}, created by the Flyway scripts in
 * {@code db/migration/exports}.
 */
package com.conversation24.exports.infrastructure;
