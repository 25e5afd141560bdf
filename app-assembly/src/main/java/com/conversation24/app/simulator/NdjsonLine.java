package com.conversation24.app.simulator;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;

/** One event as one line of NDJSON (without the line end), written by a real JSON generator. */
final class NdjsonLine {

  private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

  private NdjsonLine() {}

  static String of(SimulatedEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject()
          .write("id", event.id())
          .write("type", event.type())
          .write("at", Rfc3339.format(event.at()))
          .writeStartObject("data");
      for (int i = 0; i < event.fieldCount(); i++) {
        String name = event.fieldName(i);
        Object value = event.fieldValue(i);
        if (value == null) {
          continue;
        }
        if (value instanceof String) {
          g.write(name, (String) value);
        } else if (value instanceof Long) {
          g.write(name, (long) (Long) value);
        } else if (value instanceof BigDecimal) {
          g.write(name, (BigDecimal) value);
        } else {
          g.writeStartArray(name);
          for (long id : (long[]) value) {
            g.write(id);
          }
          g.writeEnd();
        }
      }
      g.writeEnd().writeEnd();
    }
    return out.toString();
  }
}
