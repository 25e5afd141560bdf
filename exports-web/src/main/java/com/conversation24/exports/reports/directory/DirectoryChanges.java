package com.conversation24.exports.reports.directory;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a batch changed in the directory that rows already kept depend on: campaigns that moved to
 * another account (or became known), entry points that moved to another campaign (or became
 * known), agents whose account or capacity changed.
 *
 * @param campaignAccounts each moved campaign's account now
 * @param entryPointCampaigns each moved entry point's campaign now
 */
public record DirectoryChanges(
    Map<Long, Long> campaignAccounts,
    Map<Long, Long> entryPointCampaigns,
    Set<Long> agentsOfOtherAccount,
    Set<Long> agentsOfOtherCapacity) {

  public DirectoryChanges {
    campaignAccounts = Map.copyOf(campaignAccounts);
    entryPointCampaigns = Map.copyOf(entryPointCampaigns);
    agentsOfOtherAccount = Set.copyOf(agentsOfOtherAccount);
    agentsOfOtherCapacity = Set.copyOf(agentsOfOtherCapacity);
  }

  /** The account a campaign belongs to after the batch, when the batch moved it. */
  public OptionalLong accountOf(long campaignId) {
    Long account = campaignAccounts.get(campaignId);
    return account == null ? OptionalLong.empty() : OptionalLong.of(account);
  }
}
