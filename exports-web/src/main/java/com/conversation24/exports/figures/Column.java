package com.conversation24.exports.figures;

/** A report column: its name exactly as the seed spells it, and what it holds. */
public record Column(String name, ColumnKind kind) {

  public static Column id(String name) {
    return new Column(name, ColumnKind.ID);
  }

  public static Column enumerated(String name) {
    return new Column(name, ColumnKind.ENUM);
  }

  public static Column time(String name) {
    return new Column(name, ColumnKind.TIME);
  }

  public static Column number(String name) {
    return new Column(name, ColumnKind.NUMBER);
  }

  public static Column text(String name) {
    return new Column(name, ColumnKind.TEXT);
  }
}
