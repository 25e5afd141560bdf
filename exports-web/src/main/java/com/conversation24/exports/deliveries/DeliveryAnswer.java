package com.conversation24.exports.deliveries;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a receiver answered one attempt: whether it took the delivery, its status (HTTP status or
 * SMTP reply code) and its words (the start of the HTTP body, the SMTP reply, or why there was no
 * answer at all).
 */
record DeliveryAnswer(boolean delivered, OptionalInt status, Optional<String> answer) {

  static DeliveryAnswer none(String why) {
    return new DeliveryAnswer(false, OptionalInt.empty(), Optional.of(why));
  }
}
