package com.conversation24.exports.deliveries;

import com.conversation24.exports.links.JdbcPublicLinkRepository;
import com.conversation24.exports.reports.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Saved exports, deliveries and attempts in MariaDB, each statement auto-committed: a claim is one
 * INSERT IGNORE on the period's unique key, a state change one conditional UPDATE. Instants are
 * UTC {@code DATETIME(3)}.
 */
@ApplicationScoped
public class JdbcSavedExportRepository implements SavedExportRepository {

  private static final String EXPORT_COLUMNS =
      "id, account_id, label, report, criteria, format, schedule_every, schedule_at,"
          + " schedule_weekday, schedule_day, destination, email_to, webhook_url, webhook_secret,"
          + " paused, next_run_at, failures, created_by, created_at, updated_at";

  private static final String DELIVERY_COLUMNS =
      "id, saved_export_id, period, manual, delivery_id, state, attempts, created_at, give_up_at,"
          + " finished_at, rows_written, byte_size, sha256, outcome";

  @Inject DataSource dataSource;

  @Override
  public SavedExport add(NewSavedExport export) {
    String sql =
        "INSERT INTO exports_saved_export (account_id, label, report, criteria, format,"
            + " schedule_every, schedule_at, schedule_weekday, schedule_day, destination, email_to,"
            + " webhook_url, webhook_secret, paused, next_run_at, failures, created_by, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, 0, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, export.accountId());
      int next =
          setFields(insert, 2, export.label(), export.report(), export.criteria(), export.format(),
              export.schedule(), export.destination());
      setInstant(insert, next, export.nextRunAt());
      insert.setString(next + 1, export.createdBy());
      setInstant(insert, next + 2, export.createdAt());
      setInstant(insert, next + 3, export.createdAt());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return byId(keys.getLong(1)).orElseThrow();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store a saved export", e);
    }
  }

  @Override
  public boolean update(SavedExport export) {
    String sql =
        "UPDATE exports_saved_export SET label = ?, report = ?, criteria = ?, format = ?,"
            + " schedule_every = ?, schedule_at = ?, schedule_weekday = ?, schedule_day = ?,"
            + " destination = ?, email_to = ?, webhook_url = ?, webhook_secret = ?, paused = ?,"
            + " next_run_at = ?, updated_at = ? WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      int next =
          setFields(update, 1, export.label(), export.report(), export.criteria(), export.format(),
              export.schedule(), export.destination());
      update.setBoolean(next, export.paused());
      setInstant(update, next + 1, export.nextRunAt());
      setInstant(update, next + 2, export.updatedAt());
      update.setLong(next + 3, export.id());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not update saved export " + export.id(), e);
    }
  }

  @Override
  public boolean delete(long id) {
    try (Connection connection = dataSource.getConnection();
        Statement delete = connection.createStatement()) {
      delete.executeUpdate(
          "DELETE a FROM exports_delivery_attempt a JOIN exports_delivery d ON a.delivery = d.id"
              + " WHERE d.saved_export_id = " + id);
      delete.executeUpdate("DELETE FROM exports_delivery WHERE saved_export_id = " + id);
      return delete.executeUpdate("DELETE FROM exports_saved_export WHERE id = " + id) == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not delete saved export " + id, e);
    }
  }

  @Override
  public Optional<SavedExport> byId(long id) {
    List<SavedExport> found =
        exports("SELECT " + EXPORT_COLUMNS + " FROM exports_saved_export WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public List<SavedExport> list(OptionalLong accountId) {
    if (accountId.isPresent()) {
      return exports(
          "SELECT " + EXPORT_COLUMNS + " FROM exports_saved_export WHERE account_id = ? ORDER BY id DESC",
          accountId.getAsLong());
    }
    return exports("SELECT " + EXPORT_COLUMNS + " FROM exports_saved_export ORDER BY id DESC");
  }

  @Override
  public List<SavedExport> due(Instant now, int limit) {
    return exports(
        "SELECT " + EXPORT_COLUMNS + " FROM exports_saved_export WHERE paused = FALSE"
            + " AND next_run_at <= ? ORDER BY next_run_at LIMIT ?",
        at(now),
        limit);
  }

  @Override
  public Optional<Delivery> claimPeriod(
      long savedExportId, Instant period, boolean manual, String deliveryId, Instant now, Instant giveUpAt) {
    String sql =
        "INSERT IGNORE INTO exports_delivery (saved_export_id, period, manual, delivery_id, state,"
            + " attempts, next_attempt_at, give_up_at, created_at) VALUES (?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, savedExportId);
      setInstant(insert, 2, period);
      insert.setBoolean(3, manual);
      insert.setString(4, deliveryId);
      setInstant(insert, 5, now);
      setInstant(insert, 6, giveUpAt);
      setInstant(insert, 7, now);
      if (insert.executeUpdate() != 1) {
        return Optional.empty();
      }
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return delivery(keys.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not claim a period of saved export " + savedExportId, e);
    }
  }

  @Override
  public boolean advance(long savedExportId, Instant expected, Instant nextRunAt) {
    return update(
            "UPDATE exports_saved_export SET next_run_at = ? WHERE id = ? AND next_run_at = ?",
            at(nextRunAt), savedExportId, at(expected))
        == 1;
  }

  @Override
  public List<Long> ready(Instant now, int limit) {
    return ids(
        "SELECT id FROM exports_delivery WHERE state = 'QUEUED' AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, id LIMIT ?",
        at(now),
        limit);
  }

  @Override
  public Optional<Delivery> claim(long id, String owner, Instant now, Instant leaseUntil) {
    int claimed =
        update(
            "UPDATE exports_delivery SET state = 'SENDING', owner = ?, lease_until = ?,"
                + " attempts = attempts + 1 WHERE id = ? AND state = 'QUEUED' AND next_attempt_at <= ?",
            owner, at(leaseUntil), id, at(now));
    return claimed == 1 ? delivery(id) : Optional.empty();
  }

  @Override
  public boolean renew(long id, int attempts, String owner, Instant leaseUntil) {
    return update(
            "UPDATE exports_delivery SET lease_until = ? WHERE id = ? AND attempts = ? AND owner = ?"
                + " AND state = 'SENDING'",
            at(leaseUntil), id, attempts, owner)
        == 1;
  }

  @Override
  public boolean finish(
      long id, int attempts, String owner, DeliveryState state, String outcome,
      OptionalLong rows, OptionalLong bytes, Optional<String> sha256, Instant now) {
    int done =
        update(
            "UPDATE exports_delivery SET state = ?, owner = NULL, lease_until = NULL, finished_at = ?,"
                + " outcome = ?, rows_written = ?, byte_size = ?, sha256 = ?"
                + " WHERE id = ? AND attempts = ? AND owner = ? AND state = 'SENDING'",
            state.name(), at(now), shortened(outcome), boxed(rows), boxed(bytes), sha256.orElse(null),
            id, attempts, owner);
    if (done != 1) {
      return false;
    }
    update(
        state == DeliveryState.DELIVERED
            ? "UPDATE exports_saved_export e JOIN exports_delivery d ON d.saved_export_id = e.id"
                + " SET e.failures = 0 WHERE d.id = ?"
            : "UPDATE exports_saved_export e JOIN exports_delivery d ON d.saved_export_id = e.id"
                + " SET e.failures = e.failures + 1 WHERE d.id = ?",
        id);
    return true;
  }

  @Override
  public boolean retryLater(long id, int attempts, String owner, Instant nextAttemptAt, String outcome) {
    return update(
            "UPDATE exports_delivery SET state = 'QUEUED', owner = NULL, lease_until = NULL,"
                + " next_attempt_at = ?, outcome = ? WHERE id = ? AND attempts = ? AND owner = ?"
                + " AND state = 'SENDING'",
            at(nextAttemptAt), shortened(outcome), id, attempts, owner)
        == 1;
  }

  @Override
  public List<Lapsed> lapsed(Instant now, int limit) {
    return Sql.list(
        dataSource,
        "SELECT id, attempts FROM exports_delivery WHERE state = 'SENDING' AND lease_until < ?"
            + " ORDER BY id LIMIT ?",
        List.of(at(now), limit),
        rows -> new Lapsed(rows.getLong(1), rows.getInt(2)));
  }

  @Override
  public boolean requeueLapsed(Lapsed delivery, Instant now, String outcome) {
    return update(
            "UPDATE exports_delivery SET state = 'QUEUED', owner = NULL, lease_until = NULL,"
                + " next_attempt_at = ?, outcome = ? WHERE id = ? AND attempts = ?"
                + " AND state = 'SENDING' AND lease_until < ?",
            at(now), shortened(outcome), delivery.id(), delivery.attempts(), at(now))
        == 1;
  }

  @Override
  public int release(String owner, Instant now) {
    return update(
        "UPDATE exports_delivery SET state = 'QUEUED', owner = NULL, lease_until = NULL,"
            + " next_attempt_at = ? WHERE owner = ? AND state = 'SENDING'",
        at(now), owner);
  }

  @Override
  public void recordAttempt(DeliveryAttempt attempt) {
    String sql =
        "INSERT INTO exports_delivery_attempt (delivery, n, at, destination, outcome, rows_written,"
            + " byte_size, sha256, status, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, attempt.deliveryId());
      insert.setInt(2, attempt.n());
      setInstant(insert, 3, attempt.at());
      insert.setString(4, cut(attempt.destination(), 2100));
      insert.setString(5, attempt.outcome());
      insert.setObject(6, boxed(attempt.rows()));
      insert.setObject(7, boxed(attempt.bytes()));
      insert.setString(8, attempt.sha256().orElse(null));
      if (attempt.status().isPresent()) {
        insert.setInt(9, attempt.status().getAsInt());
      } else {
        insert.setNull(9, Types.INTEGER);
      }
      insert.setString(10, attempt.answer().map(a -> cut(a, 2000)).orElse(null));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not log an attempt of delivery " + attempt.deliveryId(), e);
    }
  }

  @Override
  public Optional<Delivery> delivery(long id) {
    return deliveryList("SELECT " + DELIVERY_COLUMNS + " FROM exports_delivery WHERE id = ?", id)
        .stream()
        .findFirst();
  }

  @Override
  public List<Delivery> deliveries(long savedExportId, int limit) {
    return deliveryList(
        "SELECT " + DELIVERY_COLUMNS + " FROM exports_delivery WHERE saved_export_id = ?"
            + " ORDER BY created_at DESC, id DESC LIMIT ?",
        savedExportId,
        limit);
  }

  @Override
  public List<DeliveryAttempt> attempts(long deliveryId) {
    return Sql.list(
        dataSource,
        "SELECT delivery, n, at, destination, outcome, rows_written, byte_size, sha256,"
            + " status, answer FROM exports_delivery_attempt WHERE delivery = ? ORDER BY id",
        List.of(deliveryId),
        row ->
            new DeliveryAttempt(
                row.getLong("delivery"),
                row.getInt("n"),
                instant(row, "at").orElseThrow(),
                row.getString("destination"),
                row.getString("outcome"),
                Sql.optionalLong(row, "rows_written"),
                Sql.optionalLong(row, "byte_size"),
                Sql.optionalString(row, "sha256"),
                Sql.optionalInt(row, "status"),
                Sql.optionalString(row, "answer")));
  }

  // ------------------------------------------------------------------------------- helpers

  private static int setFields(
      PreparedStatement statement, int first, String label, String report,
      com.conversation24.exports.links.LinkCriteria criteria, String format,
      DeliverySchedule schedule, Destination destination) throws SQLException {
    int i = first;
    statement.setString(i++, label);
    statement.setString(i++, report);
    statement.setString(i++, JdbcPublicLinkRepository.toJson(criteria));
    statement.setString(i++, format);
    statement.setString(i++, schedule.every().name());
    statement.setString(i++, schedule.at().toString());
    statement.setString(i++, schedule.weekday().map(DayOfWeek::name).orElse(null));
    if (schedule.day().isPresent()) {
      statement.setInt(i++, schedule.day().get());
    } else {
      statement.setNull(i++, Types.TINYINT);
    }
    if (destination instanceof Destination.Email email) {
      statement.setString(i++, "EMAIL");
      statement.setString(i++, String.join(",", email.to()));
      statement.setNull(i++, Types.VARCHAR);
      statement.setNull(i++, Types.VARCHAR);
    } else if (destination instanceof Destination.Webhook webhook) {
      statement.setString(i++, "WEBHOOK");
      statement.setNull(i++, Types.VARCHAR);
      statement.setString(i++, webhook.url().toString());
      statement.setString(i++, webhook.secret());
    }
    return i;
  }

  private static SavedExport export(ResultSet row) throws SQLException {
    var criteria = JdbcPublicLinkRepository.fromJson(row.getString("criteria"));
    ZoneId zone = zoneOf(criteria.parameters().get("tz"));
    String weekday = row.getString("schedule_weekday");
    int day = row.getInt("schedule_day");
    Optional<Integer> dayOfMonth = row.wasNull() ? Optional.empty() : Optional.of(day);
    DeliverySchedule schedule =
        new DeliverySchedule(
            DeliverySchedule.Every.valueOf(row.getString("schedule_every")),
            LocalTime.parse(row.getString("schedule_at")),
            Optional.ofNullable(weekday).map(DayOfWeek::valueOf),
            dayOfMonth,
            zone);
    Destination destination =
        row.getString("destination").equals("EMAIL")
            ? new Destination.Email(Arrays.asList(row.getString("email_to").split(",")))
            : new Destination.Webhook(URI.create(row.getString("webhook_url")), row.getString("webhook_secret"));
    return new SavedExport(
        row.getLong("id"),
        row.getLong("account_id"),
        row.getString("label"),
        row.getString("report"),
        criteria,
        row.getString("format"),
        schedule,
        destination,
        row.getBoolean("paused"),
        instant(row, "next_run_at").orElseThrow(),
        row.getInt("failures"),
        row.getString("created_by"),
        instant(row, "created_at").orElseThrow(),
        instant(row, "updated_at").orElseThrow());
  }

  /** The schedule's zone is the criteria's {@code tz}, as the export parser reads it. */
  static ZoneId zoneOf(List<String> tz) {
    if (tz == null || tz.isEmpty() || tz.get(0).equals("UTC")) {
      return ZoneOffset.UTC;
    }
    return ZoneId.of(tz.get(0));
  }

  private static Delivery delivery(ResultSet row) throws SQLException {
    return new Delivery(
        row.getLong("id"),
        row.getLong("saved_export_id"),
        instant(row, "period").orElseThrow(),
        row.getBoolean("manual"),
        row.getString("delivery_id"),
        DeliveryState.valueOf(row.getString("state")),
        row.getInt("attempts"),
        instant(row, "created_at").orElseThrow(),
        instant(row, "give_up_at").orElseThrow(),
        instant(row, "finished_at"),
        Sql.optionalLong(row, "rows_written"),
        Sql.optionalLong(row, "byte_size"),
        Optional.ofNullable(row.getString("sha256")),
        Optional.ofNullable(row.getString("outcome")));
  }

  private List<SavedExport> exports(String sql, Object... parameters) {
    return Sql.list(dataSource, sql, Arrays.asList(parameters), JdbcSavedExportRepository::export);
  }

  private List<Delivery> deliveryList(String sql, Object... parameters) {
    return Sql.list(dataSource, sql, Arrays.asList(parameters), JdbcSavedExportRepository::delivery);
  }

  private List<Long> ids(String sql, Object... parameters) {
    return Sql.list(dataSource, sql, Arrays.asList(parameters), rows -> rows.getLong(1));
  }

  private int update(String sql, Object... parameters) {
    return Sql.update(dataSource, sql, Arrays.asList(parameters));
  }

  private static LocalDateTime at(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void setInstant(PreparedStatement statement, int index, Instant at)
      throws SQLException {
    statement.setObject(index, at(at));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    LocalDateTime value = row.getObject(column, LocalDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant(ZoneOffset.UTC));
  }

  private static Long boxed(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  private static String shortened(String text) {
    return text == null ? null : cut(text, 500);
  }

  private static String cut(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }
}
