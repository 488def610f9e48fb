package org.obtainingwater.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP response as the tests read it: status, headers (names in lower case, values joined with
 * commas), the body as it came (a PDF), as text (UTF-8), and as JSON. The body is parsed when {@link #json()} is first asked, so a
 * measured call does not pay for it.
 */
public final class Answer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final Map<String, String> headers;
  private final byte[] bytes;
  private final String body;
  private JsonNode json;

  Answer(int status, Map<String, String> headers, byte[] bytes) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.bytes = bytes;
    this.body = new String(bytes, StandardCharsets.UTF_8);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public String body() {
    return body;
  }

  /** The body as it came, for a document that is not text. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The header's value, or null when the response has none. */
  public String header(String name) {
    return headers.get(name.toLowerCase());
  }

  /** The body parsed, when the response says it is JSON and has one; else null. */
  public synchronized JsonNode json() {
    if (json == null && headers.getOrDefault("content-type", "").contains("json") && !body.isEmpty()) {
      try {
        json = JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
    return json;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
