package com.conversation24.exports.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The preview's column titles in words ({@code num_messages}: "Number of messages", {@code
 * transcriptUrl}: "Transcript URL"). The files keep the spec's names; the preview shows each name
 * with its definition, one click from the title.
 */
final class ColumnTitles {

  /** Words the spec runs together or shortens. */
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("id", "ID"),
          Map.entry("url", "URL"),
          Map.entry("avg", "average"),
          Map.entry("max", "longest"),
          Map.entry("secs", "(s)"),
          Map.entry("num", "number of"),
          Map.entry("chatcampaign", "campaign"),
          Map.entry("entrypoint", "entry point"),
          Map.entry("afterclose", "after close"),
          Map.entry("workshift", "work shift"),
          Map.entry("successcode", "success code"),
          Map.entry("firstname", "first name"),
          Map.entry("lastname", "last name"),
          Map.entry("hostname", "host name"),
          Map.entry("username", "username"),
          Map.entry("proactive", "invites"));

  /** Where a camelCase name starts a new word: before each capital after a letter or digit. */
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

  private ColumnTitles() {}

  static String of(String name) {
    List<String> words = new ArrayList<>();
    for (String part : name.split("_")) {
      // camelCase: a new word at each capital.
      for (String word : CAMEL.split(part)) {
        if (!word.isEmpty()) {
          String lower = word.toLowerCase(Locale.ROOT);
          words.add(WORDS.getOrDefault(lower, lower));
        }
      }
    }
    String title = String.join(" ", words);
    return title.isEmpty() ? name : Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }
}
