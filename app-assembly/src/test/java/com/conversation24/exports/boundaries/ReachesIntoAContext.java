package com.conversation24.exports.boundaries;

import com.conversation24.conversations.application.ConversationsRecording;

/** Breaks a boundary on purpose, for ArchitectureTest: exports-web using a context's internals. */
public class ReachesIntoAContext {

  public ConversationsRecording recording;
}
