package com.conversation24.traffic.api;

import java.util.Locale;

/** What happened to an automatic invite. */
public enum InviteOutcome {
  MATCHED,
  SHOWN,
  ACCEPTED,
  DECLINED,
  CANCELLED,
  NO_AVAILABILITY,
  EXPIRED,
  IGNORED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
