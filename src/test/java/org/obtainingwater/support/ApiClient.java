package org.obtainingwater.support;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer API ({@code /api/v1/applications}) and the permit platform's callback
 * ({@code /api/v1/permit-decisions}) as the channels and the city's platform call them, over {@link Http}.
 */
public final class ApiClient {

  public static final String DEMO_PLATFORM_TOKEN = "demo-permit-platform-token";
  /** The contact phone of {@link #application()}: it proves a case is the applicant's. */
  public static final String PHONE = "13812345678";

  private final Http http;

  public ApiClient(int port) {
    this(Http.to(port));
  }

  public ApiClient(Http http) {
    this.http = http;
  }

  public int port() {
    return http.port();
  }

  public Answer send(String method, String path, String body, String... headers) {
    return http.send(method, path, body, headers);
  }

  public Answer send(HttpRequest request) {
    return http.send(request);
  }

  /** A request to the path, for a body a string cannot give. */
  public HttpRequest.Builder request(String path) {
    return http.request(path);
  }

  public Answer postJson(String path, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", path, body, all);
  }

  public Answer apply(String body, String idempotencyKey) {
    return idempotencyKey == null ? postJson("/api/v1/applications", body)
        : postJson("/api/v1/applications", body, "Idempotency-Key", idempotencyKey);
  }

  public Answer status(String number, String phone) {
    return send("GET", "/api/v1/applications/" + number, null, "X-Contact-Phone", phone);
  }

  public Answer withdraw(String number, String phone, String reason) {
    return postJson("/api/v1/applications/" + number + "/withdrawal",
        "{\"contactPhone\":\"" + phone + "\",\"reason\":\"" + reason + "\"}");
  }

  public Answer decide(String reference, String body) {
    return postJson("/api/v1/permit-decisions/" + reference, body, "Authorization", "Bearer " + DEMO_PLATFORM_TOKEN);
  }

  /** A valid application body, with one field replaced by a raw JSON value (or removed, when the value is null). */
  public static String application(String field, String rawValue) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("applicantName", "\"株洲市芦淞区某某食品有限公司\"");
    fields.put("contactPhone", "\"" + PHONE + "\"");
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

  public static String application() {
    return application(null, null);
  }
}
