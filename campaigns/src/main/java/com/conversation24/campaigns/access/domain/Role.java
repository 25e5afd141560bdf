package com.conversation24.campaigns.access.domain;

import java.util.Locale;

/**
 * What a caller may do. {@code operator} runs the whole platform; {@code admin} and {@code viewer}
 * are bound to one account; {@code ingest} is the platform's token for POST /api/events.
 */
public enum Role {
  OPERATOR,
  ADMIN,
  VIEWER,
  INGEST;

  /** The role name used by Jakarta Security and web.xml. */
  public String roleName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String roleName) {
    return valueOf(roleName.trim().toUpperCase(Locale.ROOT));
  }

  /** Roles that belong to one account (the others are platform-wide). */
  public boolean accountBound() {
    return this == ADMIN || this == VIEWER;
  }
}
