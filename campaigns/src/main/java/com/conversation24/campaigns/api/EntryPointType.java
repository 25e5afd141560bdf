package com.conversation24.campaigns.api;

/** A chat button, or an automatic invite (an auto-invite filter). */
public enum EntryPointType {
  BUTTON,
  INVITE;

  /** The spelling of EVENTS.md and of the reports: {@code button}, {@code invite}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
