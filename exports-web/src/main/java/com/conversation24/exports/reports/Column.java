package com.conversation24.exports.reports;

import java.util.Objects;

/**
 * A report column: its name exactly as the seed spells it, what it holds, and its definition for
 * the published metric dictionary ({@code GET /api/exports}): what the figure means and how it is
 * computed (REPORTS.md), its unit, and when it is empty rather than {@code 0}. Definitions sit next
 * to the column declarations so that a change to a figure and to its meaning are reviewed together.
 */
public record Column(String name, ColumnKind kind, String definition) {

  public Column {
    Objects.requireNonNull(kind, "kind");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a column needs a name");
    }
    if (definition == null || definition.isBlank()) {
      throw new IllegalArgumentException("column " + name + " needs a definition");
    }
  }

  public static Column id(String name, String definition) {
    return new Column(name, ColumnKind.ID, definition);
  }

  public static Column enumerated(String name, String definition) {
    return new Column(name, ColumnKind.ENUM, definition);
  }

  public static Column time(String name, String definition) {
    return new Column(name, ColumnKind.TIME, definition);
  }

  public static Column number(String name, String definition) {
    return new Column(name, ColumnKind.NUMBER, definition);
  }

  public static Column text(String name, String definition) {
    return new Column(name, ColumnKind.TEXT, definition);
  }
}
