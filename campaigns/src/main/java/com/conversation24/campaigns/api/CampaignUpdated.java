package com.conversation24.campaigns.api;

import com.conversation24.campaigns.platform.PlatformEvent;
import java.time.Instant;

/** {@code campaign.updated}: creates or renames a chat campaign; its account owns it. */
public record CampaignUpdated(
    String eventId, Instant at, long campaignId, long accountId, String name)
    implements PlatformEvent {}
