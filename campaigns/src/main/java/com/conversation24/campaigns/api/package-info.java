/**
 * What the campaign directory publishes: the facts of accounts, campaigns, entry points and
 * hosts ({@link com.conversation24.campaigns.api.CampaignsRecorded}) and their query port.
 */
package com.conversation24.campaigns.api;
