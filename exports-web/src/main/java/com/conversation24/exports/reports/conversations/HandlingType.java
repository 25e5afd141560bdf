package com.conversation24.exports.reports.conversations;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * Who handled a conversation, over every agent involved (a receipt, an agent message, a block):
 * all of the campaign's account ({@code self}), none ({@code external}) or both ({@code hybrid}).
 * An agent of unknown account, or a campaign of unknown account, counts as not of the primary
 * account.
 */
public enum HandlingType {
  SELF,
  EXTERNAL,
  HYBRID;

  /** None without any agent involved. */
  public static Optional<HandlingType> of(
      List<Long> involved, LongFunction<OptionalLong> agentAccount, OptionalLong primaryAccount) {
    if (involved.isEmpty()) {
      return Optional.empty();
    }
    int primary = 0;
    for (long agent : involved) { // a loop, not a stream: this runs once per conversation
      OptionalLong account = agentAccount.apply(agent);
      if (account.isPresent()
          && primaryAccount.isPresent()
          && account.getAsLong() == primaryAccount.getAsLong()) {
        primary++;
      }
    }
    if (primary == involved.size()) {
      return Optional.of(SELF);
    }
    return Optional.of(primary == 0 ? EXTERNAL : HYBRID);
  }

  /** As the report prints it: {@code self}, {@code external}, {@code hybrid}. */
  public String printed() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static HandlingType ofPrinted(String printed) {
    return valueOf(printed.toUpperCase(Locale.ROOT));
  }
}
