package com.conversation24.agents.api;

/** Presence of an agent in one campaign. */
public enum PresenceState {
  ONLINE,
  OFFLINE
}
