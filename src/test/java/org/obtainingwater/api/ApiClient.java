package org.obtainingwater.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP against the running application, as an outside client sends it: raw bodies, chosen headers. */
final class ApiClient {

  /** A response with its body parsed when it is JSON. */
  record Answer(int status, Map<String, String> headers, String body, JsonNode json) {

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  static final String DEMO_PLATFORM_TOKEN = "demo-permit-platform-token";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final int port;

  ApiClient(int port) {
    this.port = port;
  }

  Answer send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, String> headers = new LinkedHashMap<>();
      response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
      JsonNode parsed = null;
      String type = headers.getOrDefault("content-type", "");
      if (type.contains("json") && !response.body().isEmpty()) {
        parsed = json.readTree(response.body());
      }
      return new Answer(response.statusCode(), headers, response.body(), parsed);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Answer postJson(String path, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", path, body, all);
  }

  Answer apply(String body, String idempotencyKey) {
    return idempotencyKey == null ? postJson("/api/v1/applications", body)
        : postJson("/api/v1/applications", body, "Idempotency-Key", idempotencyKey);
  }

  Answer status(String number, String phone) {
    return send("GET", "/api/v1/applications/" + number, null, "X-Contact-Phone", phone);
  }

  Answer withdraw(String number, String phone, String reason) {
    return postJson("/api/v1/applications/" + number + "/withdrawal",
        "{\"contactPhone\":\"" + phone + "\",\"reason\":\"" + reason + "\"}");
  }

  Answer decide(String reference, String body) {
    return postJson("/api/v1/permit-decisions/" + reference, body, "Authorization", "Bearer " + DEMO_PLATFORM_TOKEN);
  }

  /** A valid application body, with one field replaced by a raw JSON value (or removed, when the value is null). */
  static String application(String field, String rawValue) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("applicantName", "\"株洲市芦淞区某某食品有限公司\"");
    fields.put("contactPhone", "\"13812345678\"");
    fields.put("siteAddress", "\"芦淞区建设南路 88 号\"");
    fields.put("useType", "\"commercial\"");
    fields.put("expectedPeakDemand", "12.5");
    fields.put("channel", "\"app\"");
    if (field != null) {
      if (rawValue == null) {
        fields.remove(field);
      } else {
        fields.put(field, rawValue);
      }
    }
    StringBuilder body = new StringBuilder("{");
    fields.forEach((name, value) -> body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":")
        .append(value));
    return body.append('}').toString();
  }

  static String application() {
    return application(null, null);
  }
}
