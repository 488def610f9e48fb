package org.obtainingwater.support;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer API ({@code /api/v1/applications}) and the permit platform's callback
 * ({@code /api/v1/permit-decisions}) as the channels and the city's platform call them, over {@link Http}.
 *
 * <p>A customer's cases need a session or a trusted channel's credential (docs/adr/0025). By default this
 * client is the demo channel: every request to {@code /api/v1/applications} carries the demo channel's
 * bearer credential and, unless the request names one, {@link #PHONE} as {@code X-Contact-Phone}.
 * {@link #anonymous()}, {@link #channelWithoutPhone()} and {@link #withSession(String)} give the other callers.
 */
public final class ApiClient {

  public static final String DEMO_PLATFORM_TOKEN = "demo-permit-platform-token";
  /** The demo profile's credential of the channel "app" (obtaining-water.customers.channels.app). */
  public static final String DEMO_CHANNEL_TOKEN = "demo-channel-app-token";
  /** The payment gateway's notification credential in the demo profile (docs/adr/0043). */
  public static final String DEMO_PAYMENT_TOKEN = "demo-payment-gateway-token";
  /** The contact phone of {@link #application()}: the channel names it as the customer's verified phone. */
  public static final String PHONE = "13812345678";
  public static final String CONTACT_PHONE = "X-Contact-Phone";
  private static final String APPLICATIONS = "/api/v1/applications";

  private final Http http;
  /** Headers every request to the customer's cases carries (name, value, ...). */
  private final String[] credentials;
  /** Whether to name {@link #PHONE} when a request to the customer's cases names no phone. */
  private final boolean defaultPhone;

  public ApiClient(int port) {
    this(Http.to(port));
  }

  public ApiClient(Http http) {
    this(http, new String[] {"Authorization", "Bearer " + DEMO_CHANNEL_TOKEN}, true);
  }

  private ApiClient(Http http, String[] credentials, boolean defaultPhone) {
    this.http = http;
    this.credentials = credentials;
    this.defaultPhone = defaultPhone;
  }

  /** A client address no other test uses (almost surely), for {@link #from}. */
  public static String newAddress() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
  }

  /** Without any credential: the customer doors must refuse it. */
  public ApiClient anonymous() {
    return new ApiClient(http, new String[0], false);
  }

  /** The demo channel's credential without naming a customer's phone. */
  public ApiClient channelWithoutPhone() {
    return new ApiClient(http, credentials, false);
  }

  /** A customer's own session, by its bearer token (from POST /api/v1/sessions). */
  public ApiClient withSession(String token) {
    return new ApiClient(http, new String[] {"Authorization", "Bearer " + token}, false);
  }

  /** The same caller with its requests appearing to come from this client address (X-Forwarded-For, as behind the proxy). */
  public ApiClient from(String clientAddress) {
    String[] more = java.util.Arrays.copyOf(credentials, credentials.length + 2);
    more[credentials.length] = "X-Forwarded-For";
    more[credentials.length + 1] = clientAddress;
    return new ApiClient(http, more, defaultPhone);
  }

  /** Asks for a verification code for the phone (always 202 unless refused as malformed or too frequent). */
  public Answer requestCode(String phone) {
    return postJson("/api/v1/verification-codes", "{\"phone\":\"" + phone + "\"}");
  }

  /** Opens a session with the phone's code. */
  public Answer openSession(String phone, String code) {
    return postJson("/api/v1/sessions", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}");
  }

  /** The headers a request to the path carries: the caller's credentials on the customer's cases, then the given ones. */
  private String[] withCredentials(String path, String... headers) {
    boolean cases = path.startsWith(APPLICATIONS);
    java.util.List<String> all = new java.util.ArrayList<>();
    for (int i = 0; i < credentials.length; i += 2) {
      boolean customerOnly = !credentials[i].equals("X-Forwarded-For");
      if (cases || !customerOnly) {
        all.add(credentials[i]);
        all.add(credentials[i + 1]);
      }
    }
    boolean namesPhone = false;
    for (int i = 0; i < headers.length; i += 2) {
      namesPhone |= headers[i].equalsIgnoreCase(CONTACT_PHONE);
      if (headers[i].equalsIgnoreCase("Authorization")) {
        int at = all.indexOf("Authorization");
        if (at >= 0) {
          all.remove(at + 1);
          all.remove(at);
        }
      }
    }
    if (cases && defaultPhone && !namesPhone) {
      all.add(CONTACT_PHONE);
      all.add(PHONE);
    }
    all.addAll(java.util.List.of(headers));
    return all.toArray(String[]::new);
  }

  public int port() {
    return http.port();
  }

  public Answer send(String method, String path, String body, String... headers) {
    return http.send(method, path, body, withCredentials(path, headers));
  }

  public Answer send(HttpRequest request) {
    return http.send(request);
  }

  /** A request to the path, for a body a string cannot give. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = http.request(path);
    String[] headers = withCredentials(path);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  public Answer postJson(String path, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", path, body, all);
  }

  /** Files the application; the channel names the body's contact phone as the customer's verified phone. */
  public Answer apply(String body, String idempotencyKey) {
    String[] phone = defaultPhone ? new String[] {CONTACT_PHONE, contactPhoneOf(body)} : new String[0];
    if (idempotencyKey == null) {
      return postJson(APPLICATIONS, body, phone);
    }
    String[] headers = java.util.Arrays.copyOf(phone, phone.length + 2);
    headers[phone.length] = "Idempotency-Key";
    headers[phone.length + 1] = idempotencyKey;
    return postJson(APPLICATIONS, body, headers);
  }

  /** Files an ordinary application with this contact phone and answers its number (fails unless filed). */
  public String fileFor(String phone) {
    Answer filed = apply(application("contactPhone", "\"" + phone + "\""), null);
    if (filed.status() != 201) {
      throw new AssertionError("filing for " + phone + " answered " + filed.status() + ": " + filed.body());
    }
    return filed.json().get("applicationNumber").asText();
  }

  /**
   * The customer says the conditions are met (条件已具备，请继续办理, docs/adr/0045) for the phone's case, as the page
   * does: a JSON empty object.
   */
  public Answer ready(String number, String phone) {
    return defaultPhone ? postJson(APPLICATIONS + "/" + number + "/readiness", "{}", CONTACT_PHONE, phone)
        : postJson(APPLICATIONS + "/" + number + "/readiness", "{}");
  }

  /** The customer's applications (我的申请). */
  public Answer mine() {
    return send("GET", APPLICATIONS, null);
  }

  /** The status of a case, asked for the phone (by the channel; a session client asks for its own phone). */
  public Answer status(String number, String phone) {
    return defaultPhone ? send("GET", APPLICATIONS + "/" + number, null, CONTACT_PHONE, phone)
        : send("GET", APPLICATIONS + "/" + number, null);
  }

  public Answer withdraw(String number, String phone, String reason) {
    String body = "{\"contactPhone\":\"" + phone + "\",\"reason\":\"" + reason + "\"}";
    return defaultPhone ? postJson(APPLICATIONS + "/" + number + "/withdrawal", body, CONTACT_PHONE, phone)
        : postJson(APPLICATIONS + "/" + number + "/withdrawal", "{\"reason\":\"" + reason + "\"}");
  }

  /** The body's contactPhone when it is a well-formed phone string, else {@link #PHONE} (the body is then refused anyway). */
  private static String contactPhoneOf(String body) {
    try {
      com.fasterxml.jackson.databind.JsonNode phone = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)
          .get("contactPhone");
      return phone != null && phone.isTextual() && phone.asText().matches(org.obtainingwater.process.ApplicationRules.PHONE_PATTERN) ? phone.asText() : PHONE;
    } catch (Exception e) {
      return PHONE;
    }
  }

  /** The case's quote (docs/adr/0043), asked for the phone as {@link #status} asks. */
  public Answer quote(String number, String phone) {
    return defaultPhone ? send("GET", APPLICATIONS + "/" + number + "/quote", null, CONTACT_PHONE, phone)
        : send("GET", APPLICATIONS + "/" + number + "/quote", null);
  }

  /** The customer accepts the case's quote. */
  public Answer acceptQuote(String number, String phone) {
    return defaultPhone ? send("POST", APPLICATIONS + "/" + number + "/quote/acceptance", null, CONTACT_PHONE, phone)
        : send("POST", APPLICATIONS + "/" + number + "/quote/acceptance", null);
  }

  /** The customer starts paying the case's quote: the payment order with where to pay it. */
  public Answer pay(String number, String phone) {
    return defaultPhone ? send("POST", APPLICATIONS + "/" + number + "/quote/payments", null, CONTACT_PHONE, phone)
        : send("POST", APPLICATIONS + "/" + number + "/quote/payments", null);
  }

  /** The payment gateway notifies a payment, with its demo credential. */
  public Answer paymentNotified(String body) {
    return postJson("/api/v1/payment-notifications", body, "Authorization", "Bearer " + DEMO_PAYMENT_TOKEN);
  }

  /** A notification body as the gateway sends it. */
  public static String paymentNotification(String reference, String amount, String transaction) {
    return "{\"paymentReference\":\"" + reference + "\",\"amount\":" + amount + ",\"transactionId\":\"" + transaction
        + "\",\"paidAt\":\"2026-12-04T10:15:30+08:00\"}";
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
