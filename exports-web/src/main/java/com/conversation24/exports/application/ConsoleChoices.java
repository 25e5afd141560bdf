package com.conversation24.exports.application;

import com.conversation24.campaigns.api.AccountUpdated;
import com.conversation24.campaigns.api.CampaignUpdated;
import com.conversation24.campaigns.api.PlatformEvent;
import com.conversation24.exports.figures.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a requester can pick from in the console's criteria: the accounts, campaigns and agents
 * it sees (its own account's; a platform operator: all), by their current names.
 */
@ApplicationScoped
public class ConsoleChoices {

  /**
   * An id and the name people know it by. Serializable: the console's view-scoped pages keep their
   * choices, and their sessions are written to the data grid (decision 26).
   */
  public record Choice(long id, String name) implements Serializable {
    /** The id as a form sends it. */
    public String key() {
      return Long.toString(id);
    }
  }

  @Inject StoredFacts facts;

  public List<Choice> campaigns(Requester requester) {
    Directory directory = facts.directory();
    return facts.campaignEvents().stream()
        .filter(CampaignUpdated.class::isInstance)
        .map(e -> ((CampaignUpdated) e).campaignId())
        .distinct()
        .map(directory::campaign)
        .flatMap(Optional::stream)
        .filter(c -> sees(requester, c.accountId()))
        .map(c -> new Choice(c.id(), c.name()))
        .sorted(Comparator.comparing(Choice::id))
        .toList();
  }

  public List<Choice> agents(Requester requester) {
    return facts.directory().agents().stream()
        .filter(a -> sees(requester, a.accountId()))
        .map(a -> new Choice(a.id(), a.username() + (a.deleted() ? " (deleted)" : "")))
        .sorted(Comparator.comparing(Choice::id))
        .toList();
  }

  public List<Choice> accounts(Requester requester) {
    Directory directory = facts.directory();
    List<PlatformEvent> events = facts.campaignEvents();
    return events.stream()
        .filter(AccountUpdated.class::isInstance)
        .map(e -> ((AccountUpdated) e).accountId())
        .distinct()
        .map(directory::account)
        .flatMap(Optional::stream)
        .filter(a -> sees(requester, a.id()))
        .map(a -> new Choice(a.id(), a.name()))
        .sorted(Comparator.comparing(Choice::id))
        .toList();
  }

  /** The name of an account, when it is known. */
  public Optional<String> accountName(long accountId) {
    return facts.directory().account(accountId).map(Directory.Account::name).filter(Objects::nonNull);
  }

  private static boolean sees(Requester requester, long accountId) {
    return requester.operator()
        || (requester.accountId().isPresent() && requester.accountId().getAsLong() == accountId);
  }
}
