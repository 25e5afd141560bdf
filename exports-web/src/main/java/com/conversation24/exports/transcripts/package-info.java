/**
 * A conversation's transcript, which the conversations report links to: read from the facts and
 * served as a file (the console shows it as a page).
 */
package com.conversation24.exports.transcripts;
