package com.conversation24.app.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Makes mutated event lines, deterministically from a seed. Every event is of 2019 and names ids
 * above 900,000,000, so that what the fuzzer stores shows in no other test's range or account.
 */
public final class MutatedEvents {

  /** A field of a template: its JSON name, its kind and a valid value as JSON. */
  private record Field(String name, char kind, String json) {}

  /** An event type with its fields, all required. */
  private record Template(String type, List<Field> fields) {}

  /** One mutation: its name and what it makes of a line (null when it does not apply). */
  private record Mutation(String kind, BiFunction<Event, Random, MutatedLine> apply) {}

  /** A valid event being mutated: its id, template and field values. */
  private record Event(String id, Template template, String at, List<String> values) {

    String json() {
      return json(-1, null, null);
    }

    /** The event with field {@code index} replaced by {@code value} (null: left out), plus extra. */
    String json(int index, String value, String extra) {
      StringBuilder data = new StringBuilder("{");
      String comma = "";
      for (int i = 0; i < template.fields().size(); i++) {
        String v = i == index ? value : values.get(i);
        if (v == null) {
          continue;
        }
        data.append(comma).append('"').append(template.fields().get(i).name()).append("\":").append(v);
        comma = ",";
      }
      if (extra != null) {
        data.append(comma).append(extra);
      }
      data.append('}');
      return "{\"id\":\"" + id + "\",\"type\":\"" + template.type() + "\",\"at\":\"" + at
          + "\",\"data\":" + data + "}";
    }

    int indexOf(char kind, Random random) {
      List<Integer> matching = new ArrayList<>();
      for (int i = 0; i < template.fields().size(); i++) {
        if (template.fields().get(i).kind() == kind) {
          matching.add(i);
        }
      }
      return matching.isEmpty() ? -1 : matching.get(random.nextInt(matching.size()));
    }

    /** A required field at random: every kind but the optional array of ids. */
    int required(Random random) {
      while (true) {
        int i = random.nextInt(template.fields().size());
        if (template.fields().get(i).kind() != 'a') {
          return i;
        }
      }
    }

    String name(int index) {
      return template.fields().get(index).name();
    }
  }

  // Kinds: i = id (integer), k = key, t = text, v = goal value, e = enum, a = optional array of
  // ids. A '#' in a value is replaced by a number that spreads the events over 5,000 keys.
  private static final List<Template> TEMPLATES =
      List.of(
          new Template("account.updated", List.of(new Field("account_id", 'i', "900000001"), new Field("name", 't', "\"Fuzz Ltd\""))),
          new Template("conversation.message", List.of(new Field("session_id", 'k', "\"fz-s#\""), new Field("author", 'e', "\"visitor\""), new Field("text", 't', "\"Hello, \\\"world\\\" \u00e9\u4e2d\""))),
          new Template("conversation.goal_reached", List.of(new Field("session_id", 'k', "\"fz-g#\""), new Field("goal", 't', "\"checkout\""), new Field("value", 'v', "12.50"))),
          new Template("page.viewed", List.of(new Field("chatcampaign_id", 'i', "900000002"), new Field("visitor_id", 'k', "\"fz-v#\""), new Field("entrypoint_ids", 'a', "[900000003,900000004]"))),
          new Template("entrypoint.clicked", List.of(new Field("entrypoint_id", 'i', "900000003"), new Field("visitor_id", 'k', "\"fz-c#\""))),
          new Template("visitor.blocked", List.of(new Field("session_id", 'k', "\"fz-b#\""), new Field("agent_id", 'i', "900000005"), new Field("reason", 't', "\"spam\""))));

  private static MutatedLine valid(String kind, Event e, String text) {
    return new MutatedLine(text, kind, e.id(), null);
  }

  private static MutatedLine bad(String kind, String text, String field) {
    return new MutatedLine(text, kind, null, field);
  }

  /** Replaces a field of the given kind, or null when the template has none. */
  private static MutatedLine replace(String kind, Event e, Random r, char fieldKind, String value) {
    int i = e.indexOf(fieldKind, r);
    return i < 0 ? null : bad(kind, e.json(i, value, null), e.name(i));
  }

  private static final List<Mutation> MUTATIONS =
      List.of(
          // Valid: nothing changed, or only what EVENTS.md says does not matter.
          new Mutation("valid", (e, r) -> valid("valid", e, e.json())),
          new Mutation("valid-unknown-members", (e, r) -> valid("valid-unknown-members", e,
              e.json(-1, null, "\"zz_extra\":{\"a\":[1,2.50,\"x\",null,true]},\"zz_n\":1e3"))),
          new Mutation("valid-white-space", (e, r) -> valid("valid-white-space", e,
              " " + e.json().replace("{", "{ \t").replace("}", "\t} ").replace("[", "[ ") + " \r")),
          new Mutation("valid-null-member", (e, r) -> valid("valid-null-member", e, e.json(-1, null, "\"comment\":null"))),
          // Broken in one way each; the field the answer must name is known.
          new Mutation("missing-field", (e, r) -> {
            int i = e.required(r);
            return bad("missing-field", e.json(i, null, null), e.name(i));
          }),
          new Mutation("null-field", (e, r) -> {
            int i = e.required(r);
            return bad("null-field", e.json(i, "null", null), e.name(i));
          }),
          new Mutation("id-as-string", (e, r) -> replace("id-as-string", e, r, 'i', "\"5\"")),
          new Mutation("id-as-decimal", (e, r) -> replace("id-as-decimal", e, r, 'i', "5.0")),
          new Mutation("id-zero", (e, r) -> replace("id-zero", e, r, 'i', "0")),
          new Mutation("id-too-large", (e, r) -> replace("id-too-large", e, r, 'i', "9007199254740992")),
          new Mutation("id-long-number", (e, r) -> replace("id-long-number", e, r, 'i', "9".repeat(1000 + r.nextInt(20_000)))),
          new Mutation("key-bad-characters", (e, r) -> replace("key-bad-characters", e, r, 'k', "\"fz s\"")),
          new Mutation("key-too-long", (e, r) -> replace("key-too-long", e, r, 'k', "\"" + "k".repeat(65) + "\"")),
          new Mutation("text-blank", (e, r) -> replace("text-blank", e, r, 't', "\" \\t \"")),
          new Mutation("text-too-long", (e, r) -> replace("text-too-long", e, r, 't', "\"" + "w".repeat(10_001) + "\"")),
          new Mutation("text-lone-surrogate", (e, r) -> replace("text-lone-surrogate", e, r, 't', "\"half \\ud83d\"")),
          new Mutation("text-not-a-string", (e, r) -> replace("text-not-a-string", e, r, 't', "[\"a\"]")),
          new Mutation("enum-unknown", (e, r) -> replace("enum-unknown", e, r, 'e', "\"robot\"")),
          new Mutation("goal-value-three-decimals", (e, r) -> replace("goal-value-three-decimals", e, r, 'v', "1.005")),
          new Mutation("goal-value-long-number", (e, r) -> replace("goal-value-long-number", e, r, 'v', "1." + "0".repeat(100_000))),
          new Mutation("array-element-bad", (e, r) -> {
            int i = e.indexOf('a', r);
            return i < 0 ? null : bad("array-element-bad", e.json(i, "[1,-2]", null), e.name(i) + "[1]");
          }),
          new Mutation("unknown-member-deep", (e, r) -> bad("unknown-member-deep",
              e.json(-1, null, "\"zz_deep\":" + "[".repeat(1000) + "]".repeat(1000)), "zz_deep")),
          new Mutation("unknown-member-long-number", (e, r) -> bad("unknown-member-long-number",
              e.json(-1, null, "\"zz_big\":" + "7".repeat(101 + r.nextInt(200_000))), "zz_big")),
          new Mutation("unknown-member-lone-surrogate", (e, r) -> bad("unknown-member-lone-surrogate",
              e.json(-1, null, "\"zz_text\":[\"ok\",\"\\udc00 low\"]"), "zz_text")),
          new Mutation("at-malformed", (e, r) -> bad("at-malformed", e.json().replace(e.at(), "2019-06-31T10:00:00Z"), "at")),
          new Mutation("at-without-offset", (e, r) -> bad("at-without-offset", e.json().replace(e.at(), "2019-06-01T10:00:00"), "at")),
          new Mutation("type-unknown", (e, r) -> bad("type-unknown", e.json().replace("\"" + e.template().type() + "\"", "\"fuzz.unknown\""), "type")),
          new Mutation("id-bad-characters", (e, r) -> bad("id-bad-characters", e.json().replace(e.id(), e.id() + "/x"), "id")),
          new Mutation("id-huge", (e, r) -> bad("id-huge", e.json().replace("\"" + e.id() + "\"", "\"" + "i".repeat(200_000) + "\""), "id")),
          new Mutation("data-not-object", (e, r) -> bad("data-not-object", e.json().substring(0, e.json().indexOf("\"data\":")) + "\"data\":[1]}", "data")),
          new Mutation("not-json", (e, r) -> bad("not-json", e.json().substring(0, e.json().length() / 2), "line")),
          new Mutation("not-an-object", (e, r) -> bad("not-an-object", "[" + e.json() + "]", "line")),
          new Mutation("nested-line", (e, r) -> bad("nested-line", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "a")));

  private final Random random;
  private final String prefix;
  private long next;

  /**
   * @param prefix of every event id, so that a run's events can be found in the log
   */
  public MutatedEvents(long seed, String prefix) {
    this.random = new Random(seed);
    this.prefix = prefix;
  }

  /** The names of the mutations, in a fixed order. */
  public static List<String> kinds() {
    return MUTATIONS.stream().map(Mutation::kind).toList();
  }

  /** One line of a mutation chosen at random, a third of them valid. */
  public MutatedLine next() {
    int choice = random.nextInt(3) == 0 ? random.nextInt(4) : 4 + random.nextInt(MUTATIONS.size() - 4);
    return next(MUTATIONS.get(choice).kind());
  }

  /** One line of the named mutation. */
  public MutatedLine next(String kind) {
    Mutation mutation = MUTATIONS.stream().filter(m -> m.kind().equals(kind)).findFirst().orElseThrow();
    while (true) {
      Template template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
      List<String> values = new ArrayList<>();
      long n = next++;
      // Spread over sessions and visitors: a session's row is recomputed from all its events.
      template.fields().forEach(f -> values.add(f.json().replace("#", Long.toString(n % 5000))));
      String at = String.format("2019-06-%02dT%02d:%02d:%02d.%03dZ", 1 + (int) (n % 28), (int) (n / 28 % 24), (int) (n % 60), (int) (n / 60 % 60), (int) (n % 1000));
      MutatedLine line = mutation.apply().apply(new Event(prefix + "-" + n, template, at, values), random);
      if (line != null) {
        return line;
      }
    }
  }
}
