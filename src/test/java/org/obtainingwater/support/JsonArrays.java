package org.obtainingwater.support;

import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** Picking an element out of a JSON array an API answered. */
public final class JsonArrays {

  private JsonArrays() {
  }

  /** The first element whose {@code field} is {@code value}; fails naming the array when there is none. */
  public static JsonNode withField(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false).filter(node -> value.equals(node.path(field).asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
  }
}
