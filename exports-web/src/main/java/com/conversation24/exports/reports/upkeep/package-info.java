/**
 * How the report stores are kept current: in the ingesting transaction, from the contexts'
 * records of each batch (campaigns, then agents, conversations and traffic), each store's rows
 * are derived again where the batch's events can change them, with the same figures the reports
 * are defined by. A late event restates the rows it touches; a rebuild forgets everything and
 * replays the log through the same path.
 */
package com.conversation24.exports.reports.upkeep;
