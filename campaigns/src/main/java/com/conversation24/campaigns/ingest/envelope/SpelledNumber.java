package com.conversation24.campaigns.ingest.envelope;

import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON number that remembers whether it was spelled as an integer. EVENTS.md rejects {@code 5.0}
 * and {@code 5e0} where an id is expected, yet JSON-P judges integrality by {@link
 * BigDecimal#scale()}, which calls {@code 5.0e1} an integer; the spelling is the only safe guide.
 */
final class SpelledNumber implements JsonNumber {

  private final String spelling;
  private final BigDecimal value;

  SpelledNumber(String spelling) {
    this.spelling = spelling;
    this.value = new BigDecimal(spelling);
  }

  @Override
  public boolean isIntegral() {
    return spelling.indexOf('.') < 0 && spelling.indexOf('e') < 0 && spelling.indexOf('E') < 0;
  }

  @Override
  public int intValue() {
    return value.intValue();
  }

  @Override
  public int intValueExact() {
    return value.intValueExact();
  }

  @Override
  public long longValue() {
    return value.longValue();
  }

  @Override
  public long longValueExact() {
    return value.longValueExact();
  }

  @Override
  public BigInteger bigIntegerValue() {
    return value.toBigInteger();
  }

  @Override
  public BigInteger bigIntegerValueExact() {
    return value.toBigIntegerExact();
  }

  @Override
  public double doubleValue() {
    return value.doubleValue();
  }

  @Override
  public BigDecimal bigDecimalValue() {
    return value;
  }

  @Override
  public ValueType getValueType() {
    return ValueType.NUMBER;
  }

  /** The number as sent. */
  @Override
  public String toString() {
    return spelling;
  }

  /** As {@link JsonNumber} defines it: equal big decimal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof JsonNumber number && value.equals(number.bigDecimalValue());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
