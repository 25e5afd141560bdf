package com.conversation24.exports.console;

import com.conversation24.exports.transcripts.Transcripts;
import com.conversation24.exports.transcripts.Transcripts.Line;
import com.conversation24.exports.transcripts.Transcripts.Transcript;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code /transcripts/<session_id>} (the Conversations report's {@code transcriptUrl}): the
 * conversation's messages, for signed-in users of the owning account only; 404 for anyone else.
 */
@Named
@RequestScoped
public class TranscriptPage {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject Transcripts transcripts;

  @Inject ConsoleSession session;

  private String sessionId;
  private Transcript transcript;

  /** View action: loads the transcript or answers 404. */
  public void load() throws IOException {
    transcript =
        sessionId == null ? null : transcripts.of(sessionId, session.requester()).orElse(null);
    if (transcript == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such transcript");
      faces.responseComplete();
    }
  }

  public String getSessionId() {
    return sessionId;
  }

  public void setSessionId(String sessionId) {
    this.sessionId = sessionId;
  }

  public Transcript getTranscript() {
    return transcript;
  }

  public List<Line> getLines() {
    return transcript == null ? List.of() : transcript.lines();
  }

  public String shown(java.time.Instant at) {
    return SHOWN.format(at);
  }

  public String iso(java.time.Instant at) {
    return at.toString();
  }
}
