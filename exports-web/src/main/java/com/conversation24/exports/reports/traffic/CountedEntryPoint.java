package com.conversation24.exports.reports.traffic;

import com.conversation24.campaigns.api.EntryPointType;
import com.conversation24.exports.reports.Directory;
import java.util.Comparator;
import java.util.OptionalLong;

/**
 * An entry point as the directory says now: its campaign (the one its figures count under), the
 * campaign's account, name and type.
 */
public record CountedEntryPoint(
    long id, long campaignId, OptionalLong accountId, String name, EntryPointType type) {

  /** The report's order within an hour: the campaign, then the entry point. */
  public static final Comparator<CountedEntryPoint> ORDER =
      Comparator.comparingLong(CountedEntryPoint::campaignId)
          .thenComparingLong(CountedEntryPoint::id);

  public static CountedEntryPoint of(Directory.EntryPoint e, Directory directory) {
    return new CountedEntryPoint(
        e.id(), e.campaignId(), directory.campaignAccount(e.campaignId()), e.name(), e.type());
  }
}
