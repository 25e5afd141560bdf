package com.conversation24.app.simulator;

import com.conversation24.campaigns.platform.Sha256;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What to simulate: the seed, the period {@code [start, end)}, the size of the operation and how
 * to deliver it. The same plan always gives the same events, byte for byte.
 *
 * @param seed the random seed
 * @param start the first instant simulated (entities are announced one hour before it)
 * @param end nothing at or after it is generated (the run command passes "now")
 * @param accounts accounts; with two or more, the last is a contact-center account whose agents
 *     serve the first account's campaigns
 * @param agentsPerAccount agents of each account
 * @param scale visitor traffic, 1.0 = about 300 visits per campaign and day
 * @param late share of events delivered late (after later events)
 * @param duplicates share of events delivered a second time
 * @param limit stop after this many lines, 0 for no limit
 */
public record SimulationPlan(
    long seed,
    Instant start,
    Instant end,
    int accounts,
    int agentsPerAccount,
    double scale,
    double late,
    double duplicates,
    long limit) {

  public static final long DEFAULT_SEED = 24;
  public static final int DEFAULT_ACCOUNTS = 4;
  public static final int DEFAULT_AGENTS = 6;

  public SimulationPlan {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("the start must be before the end");
    }
    if (accounts < 1 || accounts > 900) {
      throw new IllegalArgumentException("accounts: 1 to 900");
    }
    if (agentsPerAccount < 1 || agentsPerAccount > 999) {
      throw new IllegalArgumentException("agents: 1 to 999 per account");
    }
    if (!(scale > 0) || scale > 10_000) {
      throw new IllegalArgumentException("scale: above 0, at most 10000");
    }
    if (!(late >= 0 && late <= 1) || !(duplicates >= 0 && duplicates <= 1)) {
      throw new IllegalArgumentException("late and duplicates are shares from 0 to 1");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit: 0 (none) or more");
    }
  }

  /** Whole UTC days from {@code first}, in time order, default size, no disorder. */
  public static SimulationPlan days(long seed, LocalDate first, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days: at least 1");
    }
    Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    return new SimulationPlan(
        seed, start, start.plus(days, ChronoUnit.DAYS), DEFAULT_ACCOUNTS, DEFAULT_AGENTS, 1.0, 0,
        0, 0);
  }

  public SimulationPlan withSize(int accounts, int agentsPerAccount, double scale) {
    return new SimulationPlan(seed, start, end, accounts, agentsPerAccount, scale, late, duplicates, limit);
  }

  public SimulationPlan withDisorder(double late, double duplicates) {
    return new SimulationPlan(seed, start, end, accounts, agentsPerAccount, scale, late, duplicates, limit);
  }

  public SimulationPlan withLimit(long limit) {
    return new SimulationPlan(seed, start, end, accounts, agentsPerAccount, scale, late, duplicates, limit);
  }

  /** The same plan ending at {@code until} when that is earlier (never beyond "now"). */
  public SimulationPlan until(Instant until) {
    Instant e = until.isBefore(end) ? until : end;
    return new SimulationPlan(seed, start, e, accounts, agentsPerAccount, scale, late, duplicates, limit);
  }

  /**
   * Eight hex digits naming the content of this plan, in every id it generates: the same plan sent
   * twice gives duplicates only, and two different plans never reuse an id with other content.
   */
  public String runKey() {
    String content =
        seed + "|" + start + "|" + end + "|" + accounts + "|" + agentsPerAccount + "|" + scale;
    // The first 4 bytes: 8 hex digits.
    return Sha256.hex(content).substring(0, 8);
  }
}
