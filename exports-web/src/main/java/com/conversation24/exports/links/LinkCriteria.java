package com.conversation24.exports.links;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A link's criteria exactly as an export request's query parameters ({@code range}, {@code tz},
 * {@code chatcampaign_id}, {@code columns}, ...), each with all its values. Kept as parameters rather than resolved
 * instants so that a relative range ({@code last_7_days}) is resolved again at every access, by the
 * same parser the export API uses.
 */
public record LinkCriteria(Map<String, List<String>> parameters) {

  public LinkCriteria {
    Objects.requireNonNull(parameters, "parameters");
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    parameters.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
    parameters = Collections.unmodifiableMap(sorted);
  }
}
