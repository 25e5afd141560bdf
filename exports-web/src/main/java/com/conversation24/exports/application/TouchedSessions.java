package com.conversation24.exports.application;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The sessions whose events the current transaction stored, until their rows are projected. */
@TransactionScoped
public class TouchedSessions implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Set<String> sessionIds = new LinkedHashSet<>();

  void touch(String sessionId) {
    sessionIds.add(sessionId);
  }

  /** The sessions touched so far, forgotten here: each is projected once. */
  List<String> takeAll() {
    List<String> all = new ArrayList<>(sessionIds);
    sessionIds.clear();
    return all;
  }
}
