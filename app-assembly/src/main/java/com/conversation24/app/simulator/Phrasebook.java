package com.conversation24.app.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What visitors, agents and the system say, per language and kind of line ({@code
 * phrasebook.tsv}); English stands in where a language has no line of a kind.
 */
final class Phrasebook {

  private static final String FALLBACK = "en";

  private final Map<String, String[]> lines;

  private Phrasebook(Map<String, String[]> lines) {
    this.lines = lines;
  }

  static Phrasebook load() {
    Map<String, List<String>> read = new HashMap<>();
    try (InputStream in = Phrasebook.class.getResourceAsStream("phrasebook.tsv")) {
      if (in == null) {
        throw new IllegalStateException("phrasebook.tsv is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 3);
        if (parts.length != 3) {
          throw new IllegalStateException("phrasebook.tsv: not language, kind, text: " + line);
        }
        read.computeIfAbsent(parts[0] + " " + parts[1], k -> new java.util.ArrayList<>())
            .add(parts[2].replace("\\n", "\n"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String[]> lines = new HashMap<>();
    read.forEach((key, texts) -> lines.put(key, texts.toArray(String[]::new)));
    return new Phrasebook(lines);
  }

  /** A line of this kind in this language (else English), {@code {name}} filled in. */
  String say(SplittableRandom random, String language, String kind, String name) {
    String[] choices = lines.get(language + " " + kind);
    if (choices == null) {
      choices = lines.get(FALLBACK + " " + kind);
    }
    if (choices == null) {
      throw new IllegalArgumentException("no line of kind " + kind);
    }
    String text = choices[random.nextInt(choices.length)];
    return name == null ? text : text.replace("{name}", name);
  }

  String say(SplittableRandom random, String language, String kind) {
    return say(random, language, kind, null);
  }
}
