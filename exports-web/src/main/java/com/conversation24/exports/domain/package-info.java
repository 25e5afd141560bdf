/**
 * What exports-web owns besides the figures: public links, which give unauthenticated access to
 * one account's report with fixed criteria. The types guard their own rules (a token's shape, a
 * link's state at an instant); storing them is the repository's business.
 */
package com.conversation24.exports.domain;
