/**
 * What exports-web owns besides the figures: public links, which give unauthenticated access to
 * one account's report with fixed criteria, and export jobs, a report's file prepared in the
 * background with its manifest, and saved exports, a report delivered on a schedule with each
 * period's delivery and attempts (issue 19). The types guard their own rules (a token's shape, a link's state
 * at an instant, a manifest's digest); storing them is the repositories' business.
 */
package com.conversation24.exports.domain;
