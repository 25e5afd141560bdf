package com.conversation24.exports.jobs;

import com.conversation24.campaigns.ingest.api.LogPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Export jobs and their chunks in MariaDB, each statement on its own (auto-committed): a chunk is
 * durable once written, and a claim or a state change is one conditional UPDATE that only one
 * member can win. Instants are UTC {@code DATETIME(3)}.
 */
@ApplicationScoped
public class JdbcExportJobRepository implements ExportJobRepository {

  private static final String COLUMNS =
      "id, account_id, operator, report, format, criteria, file_name, state, reason, attempt,"
          + " rows_written, byte_size, sha256, catalogue_version, event_log_seq,"
          + " event_log_received_at, taken_at, created_at, started_at, finished_at, expires_at";

  /** Chunks deleted per statement: a job's file goes in short transactions, not one huge one. */
  private static final int CHUNKS_PER_DELETE = 16;

  @Inject DataSource dataSource;

  @Override
  public ExportJob add(NewJob job) {
    String sql =
        "INSERT INTO exports_export_job"
            + " (account_id, operator, report, format, criteria, file_name, state, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      setAccount(insert, 1, job.accountId());
      insert.setBoolean(2, job.operator());
      insert.setString(3, job.report());
      insert.setString(4, job.format());
      insert.setString(5, toJson(job.criteria()));
      insert.setString(6, job.fileName());
      setInstant(insert, 7, job.createdAt());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return byId(keys.getLong(1)).orElseThrow();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store an export job", e);
    }
  }

  @Override
  public Optional<ExportJob> byId(long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM exports_export_job WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(job(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read export job " + id, e);
    }
  }

  @Override
  public int unfinished(OptionalLong accountId, boolean operator, long except) {
    String sql =
        "SELECT COUNT(*) FROM exports_export_job WHERE account_id <=> ? AND operator = ?"
            + " AND state IN ('QUEUED', 'RUNNING') AND id <> ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      setAccount(query, 1, accountId);
      query.setBoolean(2, operator);
      query.setLong(3, except);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count export jobs", e);
    }
  }

  @Override
  public List<Long> queued(int limit) {
    return ids(
        "SELECT id FROM exports_export_job WHERE state = 'QUEUED' ORDER BY id LIMIT ?",
        null,
        limit);
  }

  @Override
  public Optional<ExportJob> claim(long id, String owner, Instant now, Instant leaseUntil) {
    String sql =
        "UPDATE exports_export_job SET state = 'RUNNING', owner = ?, lease_until = ?,"
            + " started_at = ?, attempt = attempt + 1, rows_written = 0"
            + " WHERE id = ? AND state = 'QUEUED'";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, owner);
      setInstant(update, 2, leaseUntil);
      setInstant(update, 3, now);
      update.setLong(4, id);
      if (update.executeUpdate() != 1) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not claim export job " + id, e);
    }
    return byId(id);
  }

  @Override
  public boolean renew(long id, int attempt, String owner, long rows, Instant leaseUntil) {
    String sql =
        "UPDATE exports_export_job SET lease_until = ?, rows_written = ?"
            + " WHERE id = ? AND attempt = ? AND owner = ? AND state = 'RUNNING'";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      setInstant(update, 1, leaseUntil);
      update.setLong(2, rows);
      update.setLong(3, id);
      update.setInt(4, attempt);
      update.setString(5, owner);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not renew the lease of export job " + id, e);
    }
  }

  @Override
  public boolean finish(
      long id, int attempt, String owner, JobManifest manifest, Instant at, Instant expiresAt) {
    String sql =
        "UPDATE exports_export_job SET state = 'DONE', reason = NULL, owner = NULL,"
            + " lease_until = NULL, rows_written = ?, byte_size = ?, sha256 = ?,"
            + " catalogue_version = ?, event_log_seq = ?, event_log_received_at = ?, taken_at = ?,"
            + " finished_at = ?, expires_at = ?"
            + " WHERE id = ? AND attempt = ? AND owner = ? AND state = 'RUNNING'";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, manifest.rows());
      update.setLong(2, manifest.bytes());
      update.setString(3, manifest.sha256());
      update.setInt(4, manifest.catalogueVersion());
      update.setLong(5, manifest.ingested().seq());
      if (manifest.ingested().receivedAt().isPresent()) {
        setInstant(update, 6, manifest.ingested().receivedAt().get());
      } else {
        update.setNull(6, Types.TIMESTAMP);
      }
      setInstant(update, 7, manifest.takenAt());
      setInstant(update, 8, at);
      setInstant(update, 9, expiresAt);
      update.setLong(10, id);
      update.setInt(11, attempt);
      update.setString(12, owner);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not complete export job " + id, e);
    }
  }

  @Override
  public boolean fail(
      long id, int attempt, String owner, String reason, Instant at, Instant expiresAt) {
    return update(
            "UPDATE exports_export_job SET state = 'FAILED', reason = ?, owner = NULL,"
                + " lease_until = NULL, finished_at = ?, expires_at = ?"
                + " WHERE id = ? AND attempt = ? AND owner = ? AND state = 'RUNNING'",
            shortened(reason),
            at,
            expiresAt,
            id,
            attempt,
            owner)
        == 1;
  }

  @Override
  public List<Lapsed> lapsed(Instant now, int limit) {
    String sql =
        "SELECT id, attempt FROM exports_export_job WHERE state = 'RUNNING' AND lease_until < ?"
            + " ORDER BY id LIMIT ?";
    List<Lapsed> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      setInstant(query, 1, now);
      query.setInt(2, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(new Lapsed(rows.getLong(1), rows.getInt(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the running export jobs", e);
    }
    return found;
  }

  @Override
  public boolean requeue(Lapsed job, Instant now, String reason) {
    return update(
            "UPDATE exports_export_job SET state = 'QUEUED', reason = ?, owner = NULL,"
                + " lease_until = NULL, rows_written = 0"
                + " WHERE id = ? AND attempt = ? AND state = 'RUNNING' AND lease_until < ?",
            shortened(reason),
            job.id(),
            job.attempt(),
            now)
        == 1;
  }

  @Override
  public boolean failLapsed(Lapsed job, Instant now, String reason, Instant expiresAt) {
    return update(
            "UPDATE exports_export_job SET state = 'FAILED', reason = ?, owner = NULL,"
                + " lease_until = NULL, finished_at = ?, expires_at = ?"
                + " WHERE id = ? AND attempt = ? AND state = 'RUNNING' AND lease_until < ?",
            shortened(reason),
            now,
            expiresAt,
            job.id(),
            job.attempt(),
            now)
        == 1;
  }

  @Override
  public int release(String owner, String reason) {
    return update(
        "UPDATE exports_export_job SET state = 'QUEUED', reason = ?, owner = NULL,"
            + " lease_until = NULL, rows_written = 0 WHERE owner = ? AND state = 'RUNNING'",
        shortened(reason),
        owner);
  }

  @Override
  public List<Long> expired(Instant now, int limit) {
    return ids(
        "SELECT id FROM exports_export_job WHERE expires_at < ? ORDER BY expires_at LIMIT ?",
        now,
        limit);
  }

  @Override
  public void delete(long id) {
    deleteChunks(id);
    update("DELETE FROM exports_export_job WHERE id = ?", id);
  }

  @Override
  public void writeChunk(long id, int attempt, int n, byte[] data, int length) {
    String sql =
        "INSERT INTO exports_export_job_chunk (job_id, attempt, n, data) VALUES (?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, id);
      insert.setInt(2, attempt);
      insert.setInt(3, n);
      insert.setBinaryStream(4, new ByteArrayInputStream(data, 0, length), length);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store chunk " + n + " of export job " + id, e);
    }
  }

  @Override
  public byte[] chunk(long id, int attempt, int n) {
    String sql =
        "SELECT data FROM exports_export_job_chunk WHERE job_id = ? AND attempt = ? AND n = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, id);
      query.setInt(2, attempt);
      query.setInt(3, n);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("export job " + id + " has no chunk " + n);
        }
        return rows.getBytes(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read chunk " + n + " of export job " + id, e);
    }
  }

  @Override
  public void deleteChunks(long id) {
    String sql =
        "DELETE FROM exports_export_job_chunk WHERE job_id = ? LIMIT " + CHUNKS_PER_DELETE;
    while (update(sql, id) > 0) {
      // until none is left
    }
  }

  private List<Long> ids(String sql, Instant at, int limit) {
    List<Long> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      int i = 1;
      if (at != null) {
        setInstant(query, i++, at);
      }
      query.setInt(i, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read export jobs", e);
    }
    return found;
  }

  /** Runs a statement whose parameters are strings, numbers and instants; how many rows changed. */
  private int update(String sql, Object... values) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof Instant at) {
          setInstant(update, i + 1, at);
        } else {
          update.setObject(i + 1, values[i]);
        }
      }
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not update export jobs", e);
    }
  }

  private static ExportJob job(ResultSet row) throws SQLException {
    long account = row.getLong("account_id");
    OptionalLong accountId = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(account);
    JobState state = JobState.valueOf(row.getString("state"));
    Optional<JobManifest> manifest = Optional.empty();
    if (state == JobState.DONE) {
      manifest =
          Optional.of(
              new JobManifest(
                  row.getLong("rows_written"),
                  row.getLong("byte_size"),
                  row.getString("sha256"),
                  row.getInt("catalogue_version"),
                  new LogPosition(
                      row.getLong("event_log_seq"), instant(row, "event_log_received_at")),
                  instant(row, "taken_at").orElseThrow()));
    }
    return new ExportJob(
        row.getLong("id"),
        accountId,
        row.getBoolean("operator"),
        row.getString("report"),
        row.getString("format"),
        fromJson(row.getString("criteria")),
        row.getString("file_name"),
        state,
        Optional.ofNullable(row.getString("reason")),
        row.getInt("attempt"),
        row.getLong("rows_written"),
        manifest,
        instant(row, "created_at").orElseThrow(),
        instant(row, "started_at"),
        instant(row, "finished_at"),
        instant(row, "expires_at"));
  }

  private static String shortened(String reason) {
    return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
  }

  private static void setAccount(PreparedStatement statement, int index, OptionalLong account)
      throws SQLException {
    if (account.isPresent()) {
      statement.setLong(index, account.getAsLong());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static void setInstant(PreparedStatement statement, int index, Instant at)
      throws SQLException {
    statement.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    LocalDateTime value = row.getObject(column, LocalDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant(ZoneOffset.UTC));
  }

  static String toJson(Map<String, List<String>> parameters) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    parameters.forEach(
        (name, values) -> {
          JsonArrayBuilder array = Json.createArrayBuilder();
          values.forEach(array::add);
          object.add(name, array);
        });
    return object.build().toString();
  }

  static Map<String, List<String>> fromJson(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      Map<String, List<String>> parameters = new LinkedHashMap<>();
      reader
          .readObject()
          .forEach(
              (name, value) ->
                  parameters.put(
                      name,
                      value.asJsonArray().getValuesAs(JsonString.class).stream()
                          .map(JsonString::getString)
                          .toList()));
      return parameters;
    }
  }
}
