package com.conversation24.exports.csv;

/** The CSV options a caller may choose: the delimiter and a leading byte order mark. */
public record CsvFormat(char delimiter, boolean bom) {

  public static final CsvFormat DEFAULT = new CsvFormat(',', false);

  public static CsvFormat of(boolean semicolon, boolean bom) {
    return new CsvFormat(semicolon ? ';' : ',', bom);
  }
}
