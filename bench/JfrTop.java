import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a JFR recording: where the running Java threads were (top frames),
 * which code they were inside (inclusive, by package and by application method), and what the
 * threads waiting in native code waited in. Run: {@code java bench/JfrTop.java <file.jfr>}.
 */
public class JfrTop {

  public static void main(String[] args) throws Exception {
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> packages = new HashMap<>();
    Map<String, Integer> appMethods = new HashMap<>();
    Map<String, Integer> nativeTop = new HashMap<>();
    int samples = 0;
    int nativeSamples = 0;
    for (RecordedEvent event : events) {
      String name = event.getEventType().getName();
      if (event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      if (name.equals("jdk.NativeMethodSample")) {
        nativeSamples++;
        nativeTop.merge(firstInteresting(frames), 1, Integer::sum);
        continue;
      }
      if (!name.equals("jdk.ExecutionSample")) {
        continue;
      }
      samples++;
      self.merge(method(frames.get(0)), 1, Integer::sum);
      Set<String> seenPackages = new HashSet<>();
      Set<String> seenMethods = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String type = frame.getMethod().getType().getName();
        seenPackages.add(bucket(type));
        if (type.startsWith("com.conversation24.")) {
          seenMethods.add(method(frame));
        }
      }
      seenPackages.forEach(p -> packages.merge(p, 1, Integer::sum));
      seenMethods.forEach(m -> appMethods.merge(m, 1, Integer::sum));
    }
    System.out.printf("CPU samples (running Java code): %d%n", samples);
    print("Top frames (self time)", self, samples, 20);
    print("Inside package (inclusive)", packages, samples, 25);
    print("Inside application method (inclusive)", appMethods, samples, 40);
    System.out.printf("%nNative-method samples (threads blocked in native code): %d%n", nativeSamples);
    print("Blocked in (first non-JDK frame)", nativeTop, nativeSamples, 10);
  }

  static String firstInteresting(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("sun.") && !type.startsWith("jdk.")) {
        return method(frame);
      }
    }
    return method(frames.get(0));
  }

  static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  /** The first three segments of a class name (four for com.conversation24). */
  static String bucket(String type) {
    String[] parts = type.split("\\.");
    int keep = type.startsWith("com.conversation24.") ? 4 : 3;
    return String.join(".", java.util.Arrays.copyOf(parts, Math.min(keep, parts.length - 1)));
  }

  static void print(String title, Map<String, Integer> counts, int total, int limit) {
    System.out.printf("%n%s:%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit)
        .forEach(
            e ->
                System.out.printf(
                    "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(total, 1), e.getKey()));
  }
}
