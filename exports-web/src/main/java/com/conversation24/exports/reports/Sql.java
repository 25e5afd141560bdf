package com.conversation24.exports.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The few ways the report stores talk to MariaDB, once each: plain JDBC on the platform's
 * datasource, so every write joins the caller's transaction (the ingesting one) and every read
 * runs on a connection of its own. Parameters are bound by their Java type; an empty {@code
 * Optional*} binds NULL.
 */
public final class Sql {

  /** Rows fetched per round trip while streaming. */
  private static final int FETCH_SIZE = 1_000;

  /** Seconds a slow client may take before MariaDB gives up writing a streamed result to us. */
  private static final int NET_WRITE_TIMEOUT_SECONDS = 3_600;

  /** Reads one row where the cursor is. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** Takes one row where the cursor is. */
  @FunctionalInterface
  public interface EachRow {
    void accept(ResultSet rows) throws SQLException;
  }

  /** Gives the parameters of one item of a batch. */
  @FunctionalInterface
  public interface Parameters<T> {
    List<?> of(T item);
  }

  private Sql() {}

  /** {@code ?, ?, ?} for {@code count} parameters (at least one, so that {@code IN ()} parses). */
  public static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(Math.max(count, 1), "?"));
  }

  public static int update(DataSource dataSource, String sql, List<?> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** One statement, run for every item with one JDBC batch. */
  public static <T> void batch(
      DataSource dataSource, String sql, Collection<T> items, Parameters<T> parameters) {
    if (items.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T item : items) {
        bind(statement, parameters.of(item));
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  /** Every row of a query, read completely (for results bounded by what the caller selects). */
  public static <T> List<T> list(DataSource dataSource, String sql, List<?> parameters, Row<T> row) {
    List<T> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(row.read(rows));
        }
      }
    } catch (SQLException e) {
      throw failed(sql, e);
    }
    return found;
  }

  /**
   * Hands each row of a query to {@code each} as it arrives, in slices of {@link #FETCH_SIZE}, on a
   * connection of its own: nothing is collected here, so memory stays flat however many rows
   * there are. Meant to run outside any transaction (an export's streaming body).
   */
  public static void stream(DataSource dataSource, String sql, List<?> parameters, EachRow each) {
    String streamed = "SET STATEMENT net_write_timeout=" + NET_WRITE_TIMEOUT_SECONDS + " FOR " + sql;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                streamed, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(FETCH_SIZE);
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          each.accept(rows);
        }
      }
    } catch (SQLException e) {
      throw failed(sql, e);
    }
  }

  public static OptionalLong optionalLong(ResultSet rows, String column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  public static OptionalInt optionalInt(ResultSet rows, String column) throws SQLException {
    int value = rows.getInt(column);
    return rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }

  public static Optional<String> optionalString(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getString(column));
  }

  private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.get(i);
      int index = i + 1;
      if (value instanceof OptionalLong o) {
        if (o.isPresent()) {
          statement.setLong(index, o.getAsLong());
        } else {
          statement.setNull(index, Types.BIGINT);
        }
      } else if (value instanceof OptionalInt o) {
        if (o.isPresent()) {
          statement.setInt(index, o.getAsInt());
        } else {
          statement.setNull(index, Types.INTEGER);
        }
      } else if (value instanceof Optional<?> o) {
        statement.setObject(index, o.orElse(null));
      } else if (value == null) {
        statement.setNull(index, Types.NULL);
      } else {
        statement.setObject(index, value);
      }
    }
  }

  private static IllegalStateException failed(String sql, SQLException e) {
    return new IllegalStateException("could not run: " + abbreviated(sql), e);
  }

  private static String abbreviated(String sql) {
    return sql.length() <= 160 ? sql : sql.substring(0, 157) + "...";
  }
}
