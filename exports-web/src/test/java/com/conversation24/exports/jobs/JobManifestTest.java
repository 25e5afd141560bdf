package com.conversation24.exports.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.conversation24.campaigns.ingest.api.LogPosition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A manifest says only what a client can check: counts, a real SHA-256, where ingestion was. */
class JobManifestTest {

  private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final Instant AT = Instant.parse("2026-10-28T12:00:00Z");
  private static final LogPosition HEAD = new LogPosition(3932, Optional.of(AT.minusSeconds(60)));

  @Test
  void aManifestHoldsWhatTheFileIs() {
    JobManifest manifest = new JobManifest(2, 120, SHA, 2, HEAD, AT);

    assertThat(manifest.ingested().seq()).isEqualTo(3932);
    assertThat(manifest.ingested().receivedAt()).hasValue(AT.minusSeconds(60));
  }

  @Test
  void theDigestIsSixtyFourLowerCaseHexDigits() {
    assertThatThrownBy(() -> new JobManifest(2, 120, SHA.toUpperCase(), 2, HEAD, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobManifest(2, 120, SHA.substring(1), 2, HEAD, AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsAreNotNegative() {
    assertThatThrownBy(() -> new JobManifest(-1, 120, SHA, 2, HEAD, AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JobManifest(1, -120, SHA, 2, HEAD, AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDoneJobHasAManifestAndOnlyItsAccountOrAnOperatorSeesIt() {
    assertThatThrownBy(() -> job(JobState.DONE, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    ExportJob job = job(JobState.DONE, Optional.of(new JobManifest(2, 120, SHA, 2, HEAD, AT)));

    assertThat(job.visibleTo(false, OptionalLong.of(1))).isTrue();
    assertThat(job.visibleTo(false, OptionalLong.of(2))).isFalse();
    assertThat(job.visibleTo(false, OptionalLong.empty())).isFalse();
    assertThat(job.visibleTo(true, OptionalLong.empty())).isTrue();
  }

  private static ExportJob job(JobState state, Optional<JobManifest> manifest) {
    return new ExportJob(
        5,
        OptionalLong.of(1),
        false,
        "conversations",
        "csv",
        Map.of("from", List.of("2026-10-23T00:00:00Z")),
        "conversations_2026-10-23_2026-10-28.csv",
        state,
        Optional.empty(),
        1,
        2,
        manifest,
        AT,
        Optional.of(AT),
        Optional.of(AT),
        Optional.of(AT.plusSeconds(86400)));
  }
}
