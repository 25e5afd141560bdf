package com.conversation24.exports.links;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
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
 * Public links and their access log in MariaDB. Instants are written and read as UTC
 * {@code DATETIME(3)} explicitly, so the JVM's zone never shifts them.
 */
@ApplicationScoped
public class JdbcPublicLinkRepository implements PublicLinkRepository {

  private static final String COLUMNS =
      "id, account_id, report, criteria, label, created_by, created_at, expires_at, rotated_at,"
          + " revoked_at, last_used_at, use_count";

  @Inject DataSource dataSource;

  @Override
  public PublicLink add(NewLink link) {
    String sql =
        "INSERT INTO exports_public_link"
            + " (account_id, report, criteria, label, token_hash, created_by, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, link.accountId());
      insert.setString(2, link.report());
      insert.setString(3, toJson(link.criteria()));
      insert.setString(4, link.label().orElse(null));
      insert.setString(5, link.tokenHash());
      insert.setString(6, link.createdBy());
      setInstant(insert, 7, Optional.of(link.createdAt()));
      setInstant(insert, 8, link.expiresAt());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        return new PublicLink(
            id,
            link.accountId(),
            link.report(),
            link.criteria(),
            link.label(),
            link.createdBy(),
            link.createdAt(),
            link.expiresAt(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store a public link", e);
    }
  }

  @Override
  public Optional<PublicLink> byId(long id) {
    return one("SELECT " + COLUMNS + " FROM exports_public_link WHERE id = ?", id);
  }

  @Override
  public Optional<PublicLink> byTokenHash(String tokenHash) {
    return one("SELECT " + COLUMNS + " FROM exports_public_link WHERE token_hash = ?", tokenHash);
  }

  @Override
  public List<PublicLink> list(OptionalLong accountId) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM exports_public_link"
            + (accountId.isPresent() ? " WHERE account_id = ?" : "")
            + " ORDER BY id DESC";
    List<PublicLink> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      if (accountId.isPresent()) {
        query.setLong(1, accountId.getAsLong());
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(link(rows));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read public links", e);
    }
    return found;
  }

  @Override
  public boolean revoke(long id, Instant at) {
    return update(
            "UPDATE exports_public_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            at,
            id)
        == 1;
  }

  @Override
  public int revokeAll(long accountId, Instant at) {
    return update(
        "UPDATE exports_public_link SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
        at,
        accountId);
  }

  @Override
  public void replaceToken(long id, String tokenHash, Instant at) {
    String sql = "UPDATE exports_public_link SET token_hash = ?, rotated_at = ? WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, tokenHash);
      setInstant(update, 2, Optional.of(at));
      update.setLong(3, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not rotate public link " + id, e);
    }
  }

  @Override
  public void recordUse(long id, Instant at) {
    update(
        "UPDATE exports_public_link SET last_used_at = ?, use_count = use_count + 1 WHERE id = ?",
        at,
        id);
  }

  @Override
  public void recordAccess(LinkAccess access) {
    String insert =
        "INSERT INTO exports_public_link_access (link_id, at, outcome, client_address)"
            + " VALUES (?, ?, ?, ?)";
    // The rows older than the link's newest KEPT_ACCESSES: one short range of the (link_id, id)
    // index, so the log of a link stays bounded however often it is asked for.
    String prune =
        "DELETE FROM exports_public_link_access WHERE link_id = ? AND id <= (SELECT id FROM"
            + " (SELECT id FROM exports_public_link_access WHERE link_id = ?"
            + " ORDER BY id DESC LIMIT 1 OFFSET " + KEPT_ACCESSES + ") oldest_kept_after)";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement add = connection.prepareStatement(insert);
        PreparedStatement trim = connection.prepareStatement(prune)) {
      if (access.linkId().isPresent()) {
        add.setLong(1, access.linkId().getAsLong());
      } else {
        add.setNull(1, Types.BIGINT);
      }
      setInstant(add, 2, Optional.of(access.at()));
      add.setString(3, access.outcome().name());
      add.setString(4, access.clientAddress());
      add.executeUpdate();
      if (access.linkId().isPresent()) {
        trim.setLong(1, access.linkId().getAsLong());
        trim.setLong(2, access.linkId().getAsLong());
        trim.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not log a public link access", e);
    }
  }

  @Override
  public List<LinkAccess> accesses(long linkId, int limit) {
    String sql =
        "SELECT at, outcome, client_address FROM exports_public_link_access"
            + " WHERE link_id = ? ORDER BY id DESC LIMIT ?";
    List<LinkAccess> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, linkId);
      query.setInt(2, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          found.add(
              new LinkAccess(
                  OptionalLong.of(linkId),
                  instant(rows, "at").orElseThrow(),
                  AccessOutcome.valueOf(rows.getString("outcome")),
                  rows.getString("client_address")));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the accesses of public link " + linkId, e);
    }
    return found;
  }

  private Optional<PublicLink> one(String sql, Object key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, key);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(link(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read a public link", e);
    }
  }

  private int update(String sql, Instant at, long key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      setInstant(update, 1, Optional.of(at));
      update.setLong(2, key);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not update public links", e);
    }
  }

  private static PublicLink link(ResultSet row) throws SQLException {
    return new PublicLink(
        row.getLong("id"),
        row.getLong("account_id"),
        row.getString("report"),
        fromJson(row.getString("criteria")),
        Optional.ofNullable(row.getString("label")),
        row.getString("created_by"),
        instant(row, "created_at").orElseThrow(),
        instant(row, "expires_at"),
        instant(row, "rotated_at"),
        instant(row, "revoked_at"),
        instant(row, "last_used_at"),
        row.getLong("use_count"));
  }

  private static void setInstant(PreparedStatement statement, int index, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      statement.setObject(index, LocalDateTime.ofInstant(at.get(), ZoneOffset.UTC));
    } else {
      statement.setNull(index, Types.TIMESTAMP);
    }
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    LocalDateTime value = row.getObject(column, LocalDateTime.class);
    return value == null ? Optional.empty() : Optional.of(value.toInstant(ZoneOffset.UTC));
  }

  public static String toJson(LinkCriteria criteria) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    criteria
        .parameters()
        .forEach(
            (name, values) -> {
              JsonArrayBuilder array = Json.createArrayBuilder();
              values.forEach(array::add);
              object.add(name, array);
            });
    return object.build().toString();
  }

  public static LinkCriteria fromJson(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      Map<String, List<String>> parameters = new LinkedHashMap<>();
      object.forEach(
          (name, value) -> {
            JsonArray array = value.asJsonArray();
            parameters.put(
                name, array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
          });
      return new LinkCriteria(parameters);
    }
  }
}
