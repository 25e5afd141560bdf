package com.conversation24.exports.reports;

import com.conversation24.agents.api.AgentDeleted;
import com.conversation24.agents.api.AgentUpdated;
import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.campaigns.api.EntryPointUpdated;
import com.conversation24.campaigns.api.HostUpdated;
import com.conversation24.campaigns.platform.PlatformEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The entities as of now: the latest {@code *.updated} of each wins, field by field as sent, and
 * applies to all history (EVENTS.md). Built from the update events in any arrival order.
 */
public final class Directory {

  public record Account(long id, String name) {}

  public record Campaign(long id, long accountId, String name) {}

  public record EntryPoint(long id, long campaignId, String name, EntryPointType type) {}

  public record Host(long id, long accountId, String hostname) {}

  public record Agent(
      long id,
      long accountId,
      String username,
      Optional<String> firstname,
      Optional<String> lastname,
      Optional<String> email,
      int maxChats,
      boolean deleted) {}

  /** Capacity of an agent whose profile never named one. */
  public static final int DEFAULT_MAX_CHATS = 3;

  private final Map<Long, Account> accounts = new HashMap<>();
  private final Map<Long, Campaign> campaigns = new HashMap<>();
  private final Map<Long, EntryPoint> entryPoints = new HashMap<>();
  private final Map<Long, Host> hosts = new HashMap<>();
  private final Map<Long, Agent> agents = new HashMap<>();

  /** Builds the directory from any mix of events; events of other kinds are passed over. */
  public static Directory of(Collection<? extends PlatformEvent> events) {
    Directory directory = new Directory();
    List<? extends PlatformEvent> ordered =
        events.stream().sorted(PlatformEvent.ORDER).toList();
    for (PlatformEvent event : ordered) {
      directory.apply(event);
    }
    for (PlatformEvent event : ordered) {
      if (event instanceof AgentDeleted deleted) {
        directory.agents.computeIfPresent(
            deleted.agentId(),
            (id, a) ->
                new Agent(
                    id, a.accountId(), a.username(), a.firstname(), a.lastname(), a.email(),
                    a.maxChats(), true));
      }
    }
    return directory;
  }

  private void apply(PlatformEvent event) {
    if (event instanceof AccountUpdated a) {
      accounts.put(a.accountId(), new Account(a.accountId(), a.name()));
    } else if (event instanceof CampaignUpdated c) {
      campaigns.put(c.campaignId(), new Campaign(c.campaignId(), c.accountId(), c.name()));
    } else if (event instanceof EntryPointUpdated e) {
      entryPoints.put(
          e.entryPointId(), new EntryPoint(e.entryPointId(), e.campaignId(), e.name(), e.type()));
    } else if (event instanceof HostUpdated h) {
      hosts.put(h.hostId(), new Host(h.hostId(), h.accountId(), h.hostname()));
    } else if (event instanceof AgentUpdated u) {
      Agent before = agents.get(u.agentId());
      agents.put(
          u.agentId(),
          new Agent(
              u.agentId(),
              u.accountId(),
              u.username(),
              u.firstname().or(() -> before == null ? Optional.empty() : before.firstname()),
              u.lastname().or(() -> before == null ? Optional.empty() : before.lastname()),
              u.email().or(() -> before == null ? Optional.empty() : before.email()),
              u.maxChats().orElse(before == null ? DEFAULT_MAX_CHATS : before.maxChats()),
              false));
    }
  }

  public Optional<Account> account(long id) {
    return Optional.ofNullable(accounts.get(id));
  }

  public Optional<Campaign> campaign(long id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  public Optional<EntryPoint> entryPoint(long id) {
    return Optional.ofNullable(entryPoints.get(id));
  }

  public Optional<Host> host(long id) {
    return Optional.ofNullable(hosts.get(id));
  }

  public Optional<Agent> agent(long id) {
    return Optional.ofNullable(agents.get(id));
  }

  /** The account that owns a campaign, when the campaign is known. */
  public OptionalLong campaignAccount(long campaignId) {
    Campaign c = campaigns.get(campaignId);
    return c == null ? OptionalLong.empty() : OptionalLong.of(c.accountId());
  }

  /** The campaigns this account owns now. */
  public Set<Long> campaignsOf(long accountId) {
    Set<Long> owned = new HashSet<>();
    campaigns.values().stream()
        .filter(c -> c.accountId() == accountId)
        .forEach(c -> owned.add(c.id()));
    return owned;
  }

  /** The account of an agent, when its profile is known. */
  public OptionalLong agentAccount(long agentId) {
    Agent a = agents.get(agentId);
    return a == null ? OptionalLong.empty() : OptionalLong.of(a.accountId());
  }

  public Collection<Host> hosts() {
    return hosts.values();
  }

  public Collection<Agent> agents() {
    return agents.values();
  }
}
