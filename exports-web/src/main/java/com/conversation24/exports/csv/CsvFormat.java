package com.conversation24.exports.csv;

/**
 * The CSV options a caller may choose: the delimiter, a leading byte order mark, and the decimal
 * mark of decimal numbers (a comma only with the semicolon delimiter, as spreadsheets of
 * comma-decimal locales read them).
 */
public record CsvFormat(char delimiter, boolean bom, char decimalSeparator) {

  public static final CsvFormat DEFAULT = new CsvFormat(',', false, '.');

  public CsvFormat {
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException("a decimal point or comma, not " + decimalSeparator);
    }
    if (decimalSeparator == delimiter) {
      throw new IllegalArgumentException("the decimal mark cannot be the delimiter");
    }
  }

  public CsvFormat(char delimiter, boolean bom) {
    this(delimiter, bom, '.');
  }

  public static CsvFormat of(boolean semicolon, boolean bom) {
    return new CsvFormat(semicolon ? ';' : ',', bom);
  }
}
