/**
 * The eight reports of REPORTS.md, one home each ({@code reports.<report>}: its definition and
 * columns, its typed row, its figures and the store its exports read), with what they share here:
 * the catalogue ({@link com.conversation24.exports.reports.Report}), columns, criteria and the
 * printing rules. The figures are plain Java: pure functions from the contexts' published facts to
 * rows, tested without a container or a database.
 */
package com.conversation24.exports.reports;
