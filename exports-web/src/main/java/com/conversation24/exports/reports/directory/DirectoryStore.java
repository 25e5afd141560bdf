package com.conversation24.exports.reports.directory;

import com.conversation24.agents.api.AgentDeleted;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.platform.PlatformEvent;
import com.conversation24.campaigns.platform.Sha256;
import com.conversation24.exports.reports.Directory;
import com.conversation24.exports.reports.Sql;
import com.conversation24.exports.reports.hosts.HostsReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The directory's tables: accounts, campaigns, entry points, hosts and agent profiles as of now,
 * kept from the campaigns and agents contexts' records in the ingesting transaction. An update
 * applies when it is later (by {@code at}, then id) than the one that set the value, field by field
 * for the optional ones, so updates arriving in any order give the same rows (EVENTS.md).
 *
 * <p>What rows elsewhere are keyed or restated by (a campaign's account, an entry point's
 * campaign, an agent's account and capacity) is read with locking reads: a batch keying new rows
 * sees the latest committed directory, and a batch changing the directory waits for the others to
 * commit before restating their rows.
 */
@ApplicationScoped
public class DirectoryStore {

  /** The account of rows whose campaign is not known yet: only the unrestricted view shows them. */
  public static final long NO_ACCOUNT = 0;

  /** The later of an update and the stored one, by (at, id); written last in each upsert. */
  private static final String LATER = "(VALUES(updated_at_ms), VALUES(updated_by)) > (updated_at_ms, updated_by)";

  private static final String UPSERT_ACCOUNT =
      "INSERT INTO exports_account (account_id, name, updated_at_ms, updated_by) VALUES (?, ?, ?, ?)"
          + " ON DUPLICATE KEY UPDATE"
          + latest("name")
          + ", "
          + stamp();

  private static final String UPSERT_CAMPAIGN =
      "INSERT INTO exports_campaign (campaign_id, account_id, name, updated_at_ms, updated_by)"
          + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
          + latest("account_id")
          + ","
          + latest("name")
          + ", "
          + stamp();

  private static final String UPSERT_ENTRY_POINT =
      "INSERT INTO exports_entry_point (entry_point_id, campaign_id, name, type, updated_at_ms,"
          + " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
          + latest("campaign_id")
          + ","
          + latest("name")
          + ","
          + latest("type")
          + ", "
          + stamp();

  private static final String UPSERT_HOST =
      "INSERT INTO exports_host (host_id, account_id, hostname, shared_name, updated_at_ms,"
          + " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
          + latest("account_id")
          + ","
          + latest("hostname")
          + ","
          + latest("shared_name")
          + ", "
          + stamp();

  /**
   * The required fields follow the latest update; each optional one the latest update that sent
   * it (its own stamp). A row first made by agent.deleted has no stamp yet: COALESCE lets any
   * update win over none.
   */
  private static final String UPSERT_AGENT =
      "INSERT INTO exports_agent (agent_id, account_id, username, updated_at_ms, updated_by,"
          + " firstname, firstname_at_ms, firstname_by, lastname, lastname_at_ms, lastname_by,"
          + " email, email_at_ms, email_by, max_chats, max_chats_at_ms, max_chats_by)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
          + optional("firstname")
          + ","
          + optional("lastname")
          + ","
          + optional("email")
          + ","
          + optional("max_chats")
          + ","
          + " account_id = IF(" + laterThanStored("updated") + ", VALUES(account_id), account_id),"
          + " username = IF(" + laterThanStored("updated") + ", VALUES(username), username),"
          + " updated_by = IF(" + laterThanStored("updated") + ", VALUES(updated_by), updated_by),"
          + " updated_at_ms = IF(" + laterThanStored("updated") + ", VALUES(updated_at_ms), updated_at_ms)";

  private static final String DELETE_AGENT =
      "INSERT INTO exports_agent (agent_id, deleted) VALUES (?, TRUE)"
          + " ON DUPLICATE KEY UPDATE deleted = TRUE";

  @Inject DataSource dataSource;

  private static String latest(String column) {
    return " " + column + " = IF(" + LATER + ", VALUES(" + column + "), " + column + ")";
  }

  private static String stamp() {
    return "updated_by = IF(" + LATER + ", VALUES(updated_by), updated_by),"
        + " updated_at_ms = GREATEST(updated_at_ms, VALUES(updated_at_ms))";
  }

  private static String laterThanStored(String field) {
    return "(VALUES(" + field + "_at_ms), VALUES(" + field + "_by)) > (COALESCE(" + field
        + "_at_ms, -9223372036854775808), COALESCE(" + field + "_by, ''))";
  }

  /** An optional field: set when the update sent it and is later than the one that set it. */
  private static String optional(String column) {
    String later =
        "VALUES(" + column + ") IS NOT NULL AND " + laterThanStored(column);
    return " " + column + " = IF(" + later + ", VALUES(" + column + "), " + column + "),"
        + " " + column + "_by = IF(" + later + ", VALUES(" + column + "_by), " + column + "_by),"
        + " " + column + "_at_ms = IF(" + later + ", VALUES(" + column + "_at_ms), " + column
        + "_at_ms)";
  }

  /** Applies the directory's records of a batch; says what changed that kept rows depend on. */
  public DirectoryChanges apply(List<PlatformEvent> events) {
    List<AccountUpdated> accounts = new ArrayList<>();
    List<CampaignUpdated> campaigns = new ArrayList<>();
    List<EntryPointUpdated> entryPoints = new ArrayList<>();
    List<HostUpdated> hosts = new ArrayList<>();
    List<AgentUpdated> agents = new ArrayList<>();
    List<AgentDeleted> deletions = new ArrayList<>();
    for (PlatformEvent event : events) {
      if (event instanceof AccountUpdated e) {
        accounts.add(e);
      } else if (event instanceof CampaignUpdated e) {
        campaigns.add(e);
      } else if (event instanceof EntryPointUpdated e) {
        entryPoints.add(e);
      } else if (event instanceof HostUpdated e) {
        hosts.add(e);
      } else if (event instanceof AgentUpdated e) {
        agents.add(e);
      } else if (event instanceof AgentDeleted e) {
        deletions.add(e);
      }
    }
    Set<Long> campaignIds = new HashSet<>();
    campaigns.forEach(c -> campaignIds.add(c.campaignId()));
    Set<Long> entryPointIds = new HashSet<>();
    entryPoints.forEach(e -> entryPointIds.add(e.entryPointId()));
    Set<Long> agentIds = new HashSet<>();
    agents.forEach(a -> agentIds.add(a.agentId()));

    Map<Long, Long> accountsBefore = campaignAccounts(campaignIds);
    Map<Long, Long> campaignsBefore = entryPointCampaigns(entryPointIds);
    Map<Long, AgentKeys> agentsBefore = agentKeys(agentIds);

    Sql.batch(
        dataSource,
        UPSERT_ACCOUNT,
        accounts,
        a -> List.of(a.accountId(), a.name(), a.at().toEpochMilli(), a.eventId()));
    Sql.batch(
        dataSource,
        UPSERT_CAMPAIGN,
        campaigns,
        c -> List.of(c.campaignId(), c.accountId(), c.name(), c.at().toEpochMilli(), c.eventId()));
    Sql.batch(
        dataSource,
        UPSERT_ENTRY_POINT,
        entryPoints,
        e ->
            List.of(
                e.entryPointId(),
                e.campaignId(),
                e.name(),
                e.type().name(),
                e.at().toEpochMilli(),
                e.eventId()));
    Sql.batch(
        dataSource,
        UPSERT_HOST,
        hosts,
        h ->
            List.of(
                h.hostId(),
                h.accountId(),
                h.hostname(),
                Sha256.hex(HostsReport.normalised(h.hostname())),
                h.at().toEpochMilli(),
                h.eventId()));
    Sql.batch(dataSource, UPSERT_AGENT, agents, DirectoryStore::agentParameters);
    Sql.batch(dataSource, DELETE_AGENT, deletions, d -> List.of(d.agentId()));

    Map<Long, Long> accountsAfter = campaignAccounts(campaignIds);
    Map<Long, Long> campaignsAfter = entryPointCampaigns(entryPointIds);
    Map<Long, AgentKeys> agentsAfter = agentKeys(agentIds);
    return new DirectoryChanges(
        changed(accountsBefore, accountsAfter),
        changed(campaignsBefore, campaignsAfter),
        changedKeys(agentsBefore, agentsAfter, AgentKeys::accountId),
        changedKeys(agentsBefore, agentsAfter, AgentKeys::maxChats));
  }

  private static List<Object> agentParameters(AgentUpdated a) {
    long at = a.at().toEpochMilli();
    String by = a.eventId();
    List<Object> p = new ArrayList<>();
    p.add(a.agentId());
    p.add(a.accountId());
    p.add(a.username());
    p.add(at);
    p.add(by);
    for (Optional<String> field : List.of(a.firstname(), a.lastname(), a.email())) {
      p.add(field);
      p.add(field.isPresent() ? OptionalLong.of(at) : OptionalLong.empty());
      p.add(field.isPresent() ? Optional.of(by) : Optional.empty());
    }
    OptionalInt maxChats = a.maxChats();
    p.add(maxChats);
    p.add(maxChats.isPresent() ? OptionalLong.of(at) : OptionalLong.empty());
    p.add(maxChats.isPresent() ? Optional.of(by) : Optional.empty());
    return p;
  }

  private static <K, V> Map<K, V> changed(Map<K, V> before, Map<K, V> after) {
    Map<K, V> changed = new HashMap<>();
    after.forEach(
        (key, value) -> {
          if (!value.equals(before.get(key))) {
            changed.put(key, value);
          }
        });
    return changed;
  }

  private static Set<Long> changedKeys(
      Map<Long, AgentKeys> before,
      Map<Long, AgentKeys> after,
      java.util.function.Function<AgentKeys, Object> part) {
    Set<Long> changed = new HashSet<>();
    after.forEach(
        (agent, keys) -> {
          AgentKeys was = before.get(agent);
          if (was == null || !Objects.equals(part.apply(was), part.apply(keys))) {
            changed.add(agent);
          }
        });
    return changed;
  }

  /** What rows are keyed by of an agent with a profile: its account and its capacity. */
  private record AgentKeys(long accountId, int maxChats) {}

  private Map<Long, AgentKeys> agentKeys(Collection<Long> agents) {
    Map<Long, AgentKeys> keys = new HashMap<>();
    if (agents.isEmpty()) {
      return keys;
    }
    Sql.list(
            dataSource,
            "SELECT agent_id, account_id, COALESCE(max_chats, ?) AS max_chats FROM exports_agent"
                + " WHERE username IS NOT NULL AND agent_id IN ("
                + Sql.placeholders(agents.size())
                + ") LOCK IN SHARE MODE",
            withFirst(Directory.DEFAULT_MAX_CHATS, agents),
            rows ->
                Map.entry(
                    rows.getLong("agent_id"),
                    new AgentKeys(rows.getLong("account_id"), rows.getInt("max_chats"))))
        .forEach(e -> keys.put(e.getKey(), e.getValue()));
    return keys;
  }

  /** The accounts of these campaigns, those known, as committed now (a locking read). */
  public Map<Long, Long> campaignAccounts(Collection<Long> campaigns) {
    return pairs(
        "SELECT campaign_id, account_id FROM exports_campaign WHERE campaign_id IN", campaigns);
  }

  /** The campaigns of these entry points, those known, as committed now (a locking read). */
  public Map<Long, Long> entryPointCampaigns(Collection<Long> entryPoints) {
    return pairs(
        "SELECT entry_point_id, campaign_id FROM exports_entry_point WHERE entry_point_id IN",
        entryPoints);
  }

  /** The accounts of these agents, those with a profile, as committed now (a locking read). */
  public Map<Long, Long> agentAccounts(Collection<Long> agents) {
    return pairs(
        "SELECT agent_id, account_id FROM exports_agent WHERE username IS NOT NULL AND agent_id IN",
        agents);
  }

  /** The capacity of an agent, 3 where never sent, as committed now (a locking read). */
  public int maxChats(long agentId) {
    List<Integer> found =
        Sql.list(
            dataSource,
            "SELECT max_chats FROM exports_agent WHERE agent_id = ? AND username IS NOT NULL"
                + " LOCK IN SHARE MODE",
            List.of(agentId),
            rows -> {
              int value = rows.getInt(1);
              return rows.wasNull() ? Directory.DEFAULT_MAX_CHATS : value;
            });
    return found.isEmpty() ? Directory.DEFAULT_MAX_CHATS : found.get(0);
  }

  private Map<Long, Long> pairs(String selectWhereIn, Collection<Long> ids) {
    Map<Long, Long> pairs = new HashMap<>();
    if (ids.isEmpty()) {
      return pairs;
    }
    List<Long> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 1_000) {
      List<Long> slice = all.subList(from, Math.min(all.size(), from + 1_000));
      Sql.list(
              dataSource,
              selectWhereIn + " (" + Sql.placeholders(slice.size()) + ") LOCK IN SHARE MODE",
              slice,
              rows -> Map.entry(rows.getLong(1), rows.getLong(2)))
          .forEach(e -> pairs.put(e.getKey(), e.getValue()));
    }
    return pairs;
  }

  private static List<Object> withFirst(Object first, Collection<?> rest) {
    List<Object> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** An entity of the directory by its id and the name people know it by. */
  public record Named(long id, String name) {}

  /** An agent's profile as people read it. */
  public record Profile(
      long id, long accountId, String username, Optional<String> firstname,
      Optional<String> lastname, boolean deleted) {}

  /** A campaign and its account. */
  public record Campaign(long id, long accountId, String name) {}

  /** The accounts known, by id: one, or all where {@code account} is empty. */
  public List<Named> accounts(OptionalLong account) {
    return named("SELECT account_id, name FROM exports_account", "account_id", account);
  }

  /** The campaigns of an account (or of all), by id. */
  public List<Named> campaigns(OptionalLong account) {
    return named("SELECT campaign_id, name FROM exports_campaign", "campaign_id", account);
  }

  /** The agent profiles of an account (or of all), by id. */
  public List<Profile> agents(OptionalLong account) {
    return Sql.list(
        dataSource,
        "SELECT agent_id, account_id, username, firstname, lastname, deleted FROM exports_agent"
            + " WHERE username IS NOT NULL"
            + (account.isPresent() ? " AND account_id = ?" : "")
            + " ORDER BY agent_id",
        account.isPresent() ? List.of(account.getAsLong()) : List.of(),
        DirectoryStore::profile);
  }

  /**
   * The agents of other accounts that serve this account's campaigns (a contact centre's agents):
   * those with presence in one of its campaigns, the way the reports scope them.
   */
  public List<Profile> servingAgents(long account) {
    return Sql.list(
        dataSource,
        "SELECT agent_id, account_id, username, firstname, lastname, deleted FROM exports_agent"
            + " WHERE username IS NOT NULL AND account_id <> ? AND agent_id IN"
            + " (SELECT DISTINCT agent_id FROM exports_presence WHERE account_id = ?)"
            + " ORDER BY agent_id",
        List.of(account, account),
        DirectoryStore::profile);
  }

  /** These agents' profiles, those known. */
  public Map<Long, Profile> profiles(Collection<Long> agents) {
    Map<Long, Profile> found = new HashMap<>();
    if (agents.isEmpty()) {
      return found;
    }
    Sql.list(
            dataSource,
            "SELECT agent_id, account_id, username, firstname, lastname, deleted FROM exports_agent"
                + " WHERE username IS NOT NULL AND agent_id IN ("
                + Sql.placeholders(agents.size())
                + ")",
            List.copyOf(agents),
            DirectoryStore::profile)
        .forEach(p -> found.put(p.id(), p));
    return found;
  }

  public Optional<Campaign> campaign(long campaignId) {
    return Sql.list(
            dataSource,
            "SELECT campaign_id, account_id, name FROM exports_campaign WHERE campaign_id = ?",
            List.of(campaignId),
            rows -> new Campaign(rows.getLong(1), rows.getLong(2), rows.getString(3)))
        .stream()
        .findFirst();
  }

  private List<Named> named(String select, String idColumn, OptionalLong account) {
    return Sql.list(
        dataSource,
        select
            + (account.isPresent() ? " WHERE account_id = ?" : "")
            + " ORDER BY "
            + idColumn,
        account.isPresent() ? List.of(account.getAsLong()) : List.of(),
        rows -> new Named(rows.getLong(1), rows.getString(2)));
  }

  private static Profile profile(java.sql.ResultSet rows) throws java.sql.SQLException {
    return new Profile(
        rows.getLong("agent_id"),
        rows.getLong("account_id"),
        rows.getString("username"),
        Sql.optionalString(rows, "firstname"),
        Sql.optionalString(rows, "lastname"),
        rows.getBoolean("deleted"));
  }

  /** Forgets the directory before a rebuild replays the log. */
  public void clear() {
    for (String table :
        List.of(
            "exports_account",
            "exports_campaign",
            "exports_entry_point",
            "exports_host",
            "exports_agent")) {
      Sql.update(dataSource, "DELETE FROM " + table, List.of());
    }
  }
}
