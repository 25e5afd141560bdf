package com.conversation24.exports.console;

import com.conversation24.exports.export.Requester;
import com.conversation24.exports.reports.directory.DirectoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a requester can pick from in the console's criteria: the accounts, campaigns and agents
 * it sees (its own account's; a platform operator: all), by their current names, read from the
 * directory's tables.
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

  @Inject DirectoryStore directory;

  public List<Choice> campaigns(Requester requester) {
    return seen(requester)
        .map(account -> directory.campaigns(account).stream().map(ConsoleChoices::choice).toList())
        .orElse(List.of());
  }

  /**
   * The agents a requester filters by: its account's, then those of other accounts that serve its
   * campaigns (named with their account), whose rows its reports hold too.
   */
  public List<Choice> agents(Requester requester) {
    return seen(requester)
        .map(
            account -> {
              List<Choice> agents = new ArrayList<>();
              directory.agents(account).forEach(a -> agents.add(new Choice(a.id(), name(a))));
              if (account.isPresent()) {
                Map<Long, String> accounts = new HashMap<>();
                for (DirectoryStore.Profile a : directory.servingAgents(account.getAsLong())) {
                  String of =
                      accounts.computeIfAbsent(
                          a.accountId(), id -> accountName(id).orElse("account " + id));
                  agents.add(new Choice(a.id(), name(a) + " · " + of));
                }
              }
              return List.copyOf(agents);
            })
        .orElse(List.of());
  }

  private static String name(DirectoryStore.Profile a) {
    return a.username() + (a.deleted() ? " (deleted)" : "");
  }

  public List<Choice> accounts(Requester requester) {
    return seen(requester)
        .map(account -> directory.accounts(account).stream().map(ConsoleChoices::choice).toList())
        .orElse(List.of());
  }

  /** The name of an account, when it is known. */
  public Optional<String> accountName(long accountId) {
    return directory.accounts(OptionalLong.of(accountId)).stream()
        .findFirst()
        .map(DirectoryStore.Named::name);
  }

  /** Whose choices a requester sees: all (an empty account), one account, or none. */
  private static Optional<OptionalLong> seen(Requester requester) {
    if (requester.operator()) {
      return Optional.of(OptionalLong.empty());
    }
    return requester.accountId().isPresent()
        ? Optional.of(requester.accountId())
        : Optional.empty();
  }

  private static Choice choice(DirectoryStore.Named named) {
    return new Choice(named.id(), named.name());
  }
}
