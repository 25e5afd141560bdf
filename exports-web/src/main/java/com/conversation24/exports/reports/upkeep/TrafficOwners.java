package com.conversation24.exports.reports.upkeep;

import com.conversation24.exports.reports.directory.DirectoryStore;
import com.conversation24.exports.reports.traffic.TrafficQuarterStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Where entry points' counts go now: each one's campaign and that campaign's account. */
final class TrafficOwners {

  private TrafficOwners() {}

  static Map<Long, TrafficQuarterStore.Owner> of(
      Collection<Long> entryPoints, DirectoryStore directory) {
    Map<Long, Long> campaigns = directory.entryPointCampaigns(entryPoints);
    Map<Long, Long> accounts = directory.campaignAccounts(campaigns.values());
    Map<Long, TrafficQuarterStore.Owner> owners = new HashMap<>();
    for (long entryPoint : entryPoints) {
      Long campaign = campaigns.get(entryPoint);
      owners.put(
          entryPoint,
          campaign == null
              ? new TrafficQuarterStore.Owner(OptionalLong.empty(), DirectoryStore.NO_ACCOUNT)
              : new TrafficQuarterStore.Owner(
                  OptionalLong.of(campaign),
                  accounts.getOrDefault(campaign, DirectoryStore.NO_ACCOUNT)));
    }
    return owners;
  }
}
