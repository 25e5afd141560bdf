/**
 * The figures of REPORTS.md as plain Java: pure functions from the contexts' published facts
 * to report rows. No container, no database; every column can be tested and read alone.
 */
package com.conversation24.exports.figures;
