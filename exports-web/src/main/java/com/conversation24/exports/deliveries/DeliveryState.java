package com.conversation24.exports.deliveries;

/** Where a period's delivery is: waiting for an attempt, being sent, or done either way. */
public enum DeliveryState {
  QUEUED,
  SENDING,
  DELIVERED,
  FAILED
}
