package org.obtainingwater.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.AppOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whatever a client sends, the answer is a 4xx with an {@code application/problem+json} body that
 * says what to change, and nothing is filed. Named cases for each kind of bad input, then a sweep of
 * well over a hundred malformed requests across every endpoint of the customer and platform APIs.
 */
@AppOnH2
class CustomerApiInputTests {

  static final String APPLICATIONS = "/api/v1/applications";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  ApiClient api;
  int casesBefore;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
    casesBefore = caseCount();
  }

  @AfterEach
  void nothingWasFiled() {
    assertThat(caseCount()).as("cases filed by refused requests").isEqualTo(casesBefore);
  }

  int caseCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class);
  }

  // --- Each kind of bad input, with the answer a person can act on ---------------------------

  @Test
  void malformedJson_isA400SayingWhere() {
    Answer answer = api.postJson(APPLICATIONS, "{\"applicantName\": \"株洲\",\n \"contactPhone\" 138}");
    assertProblem(answer, 400);
    assertThat(firstError(answer)).isEqualTo("body");
    assertThat(answer.json().get("detail").asText()).contains("不是有效的 JSON").contains("第 2 行");
  }

  @Test
  void aWrongType_isA400NamingTheFieldAndTheExpectedType() {
    Answer answer = api.apply(ApiClient.application("expectedPeakDemand", "\"很多\""), null);
    assertProblem(answer, 400);
    assertThat(firstError(answer)).isEqualTo("expectedPeakDemand");
    assertThat(answer.json().get("detail").asText()).contains("应为数字");

    Answer numberAsName = api.apply(ApiClient.application("applicantName", "12345"), null);
    assertProblem(numberAsName, 400);
    assertThat(firstError(numberAsName)).isEqualTo("applicantName");
  }

  @Test
  void missingFields_areAllNamedAtOnce() {
    Answer answer = api.postJson(APPLICATIONS, "{\"applicantName\":\"株洲\"}");
    assertProblem(answer, 400);
    assertThat(answer.json().get("errors")).extracting(error -> error.get("field").asText())
        .contains("contactPhone", "siteAddress", "useType", "expectedPeakDemand", "channel");
    assertThat(answer.json().get("detail").asText()).contains("请填写联系电话");
  }

  @Test
  void oversizedStrings_invalidPhones_unknownUseTypes_andUnknownFields_areEachNamed() {
    assertField(api.apply(ApiClient.application("applicantName", "\"" + "株".repeat(101) + "\""), null),
        "applicantName", "不能超过 100 个字");
    assertField(api.apply(ApiClient.application("contactPhone", "\"1234567\""), null), "contactPhone", "11 位手机号");
    assertField(api.apply(ApiClient.application("useType", "\"house\""), null), "useType", "residential");
    assertField(api.apply(ApiClient.application("colour", "\"blue\""), null), "colour", "没有这个字段");
    assertField(api.apply(ApiClient.application("applicantName", "\"株洲\\u0000公司\""), null), "applicantName",
        "控制字符");
  }

  @Test
  void aBodyOverTheLimit_isA413_whetherItsLengthIsDeclaredOrNot() {
    String huge = ApiClient.application("siteAddress", "\"" + "x".repeat(20_000) + "\"");
    assertProblem(api.postJson(APPLICATIONS, huge), 413);

    byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
    HttpRequest chunked = api.request(APPLICATIONS)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
          boolean sent;

          @Override
          public void request(long n) {
            if (!sent) {
              sent = true;
              subscriber.onNext(ByteBuffer.wrap(bytes));
              subscriber.onComplete();
            }
          }

          @Override
          public void cancel() {
          }
        }))).build();
    assertProblem(api.send(chunked), 413);
  }

  @Test
  void wrongMediaTypeMethodAndPath_areAnsweredInProblemFormToo() {
    assertProblem(api.send("POST", APPLICATIONS, ApiClient.application(), "Content-Type", "text/plain"), 415);
    Answer put = api.send("PUT", APPLICATIONS, ApiClient.application(), "Content-Type", "application/json");
    assertProblem(put, 405);
    assertThat(put.header("Allow")).contains("POST");
    assertProblem(api.send("GET", "/api/v2/applications", null), 404);
  }

  @Test
  void statusLookups_needAWellFormedNumber_andAChannelNamesThePhone() {
    assertField(api.status("GW-2026-1", "13812345678"), "applicationNumber", "GW-2026-000123");
    assertField(api.channelWithoutPhone().send("GET", APPLICATIONS + "/GW-2026-000001", null), "X-Contact-Phone",
        "X-Contact-Phone");
    assertField(api.status("GW-2026-000001", "not-a-phone"), "X-Contact-Phone", "格式不正确");
  }

  // --- The sweep -------------------------------------------------------------------------------

  /** One request a client might get wrong. */
  /**
   * One malformed request. {@code channelNamesNoPhone}: sent by the channel without its default phone (the demo
   * channel otherwise names {@link ApiClient#PHONE}, which would make "no phone" a lookup of that phone's case, answered
   * 200 whenever the context's first case, GW-2026-000001, was filed with that phone by a test that ran earlier).
   */
  record Malformed(String description, String method, String path, String body, String[] headers,
      boolean channelNamesNoPhone) {

    Malformed(String description, String method, String path, String body, String[] headers) {
      this(description, method, path, body, headers, false);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  static Stream<Arguments> malformedRequests() {
    List<Malformed> requests = new ArrayList<>();
    String[] json = {"Content-Type", "application/json"};
    String[] platform = {"Content-Type", "application/json", "Authorization", "Bearer " + ApiClient.DEMO_PLATFORM_TOKEN};

    // Every field of an application: absent, null, empty, blank, wrong JSON types, too long, out of range.
    String[][] fieldValues = {
        {"applicantName", null, "null", "\"\"", "\"   \"", "123", "true", "[]", "{}", "\"" + "名".repeat(101) + "\"",
            "\"a\\u0007b\""},
        {"contactPhone", null, "null", "\"\"", "\"123\"", "\"abcdefghijk\"", "\"1381234567\"", "\"138123456789\"",
            "13812345678", "\"+8613812345678\"", "\"12345678901\"", "[\"13812345678\"]"},
        {"siteAddress", null, "null", "\"\"", "\" \"", "\"" + "址".repeat(201) + "\"", "5", "[]", "{}", "\"a\\u0000b\""},
        {"useType", null, "null", "\"\"", "\"house\"", "\"COMMERCIAL\"", "1", "[]", "\"commercial \"", "{}"},
        {"expectedPeakDemand", null, "null", "\"12.5\"", "\"abc\"", "0", "0.05", "-1", "10000.5", "1e309", "true", "[]",
            "{}", "\"\""},
        {"channel", null, "null", "\"\"", "\"fax\"", "\"APP\"", "3", "[]", "false"}};
    for (String[] field : fieldValues) {
      for (int i = 1; i < field.length; i++) {
        String value = field[i];
        requests.add(new Malformed("application " + field[0] + " = " + (value == null ? "(absent)" : abbreviate(value)),
            "POST", APPLICATIONS, ApiClient.application(field[0], value), json));
      }
    }
    // Bodies that are not an application at all.
    String valid = ApiClient.application();
    String[] bodies = {"", " ", "null", "[]", "{}", "{", "}", "\"text\"", "42", "not json", "{\"applicantName\"}",
        valid.replace("}", ",}"), "[" + valid + "]", valid + "xyz", valid.replace("\"app\"", "\"app\",\"channel\":\"web\""),
        "[".repeat(5_000) + "]".repeat(5_000), "{\"unknown\":1}", valid.replace("{", "{\"applicationNumber\":\"GW-2026-000001\","),
        valid.replace("{", "{\"variables\":{\"intakeDecision\":\"accepted\"},"), "\uFEFF" + valid.substring(1)};
    for (String body : bodies) {
      requests.add(new Malformed("application body " + abbreviate(body), "POST", APPLICATIONS, body, json));
    }
    // Idempotency keys, media types and methods.
    for (String key : new String[] {"a b", "a".repeat(65), "key/with/slash", "<script>", "", "key;drop"}) {
      requests.add(new Malformed("Idempotency-Key " + abbreviate(key), "POST", APPLICATIONS, valid,
          new String[] {"Content-Type", "application/json", "Idempotency-Key", key}));
    }
    for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
      requests.add(new Malformed("Content-Type " + type, "POST", APPLICATIONS, valid, new String[] {"Content-Type", type}));
    }
    requests.add(new Malformed("no Content-Type", "POST", APPLICATIONS, valid, new String[0]));
    for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
      requests.add(new Malformed(method + " applications", method, APPLICATIONS, valid, json));
    }
    requests.add(new Malformed("Accept text/html", "POST", APPLICATIONS, valid,
        new String[] {"Content-Type", "application/json", "Accept", "application/xml"}));
    // Status lookups.
    for (String number : new String[] {"GW-2026-1", "gw-2026-000001", "abc", "GW-2026-0000011", "GW-20X6-000001", "%20"}) {
      requests.add(new Malformed("status of " + number, "GET", APPLICATIONS + "/" + number, null,
          new String[] {"X-Contact-Phone", "13812345678"}));
    }
    for (String phone : new String[] {"", "abc", "1381234567", "138 1234 5678"}) {
      requests.add(new Malformed("status with phone '" + phone + "'", "GET", APPLICATIONS + "/GW-2026-000001", null,
          new String[] {"X-Contact-Phone", phone}));
    }
    requests.add(new Malformed("status without phone", "GET", APPLICATIONS + "/GW-2026-000001", null, new String[0],
        true));
    requests.add(new Malformed("status of an unknown case", "GET", APPLICATIONS + "/GW-1999-000001", null,
        new String[] {"X-Contact-Phone", "13812345678"}));
    // Withdrawals.
    String withdrawal = APPLICATIONS + "/GW-1999-000001/withdrawal";
    for (String body : new String[] {"{}", "{\"contactPhone\":\"13812345678\"}", "{\"reason\":\"不要了\"}",
        "{\"contactPhone\":\"123\",\"reason\":\"不要了\"}", "{\"contactPhone\":\"13812345678\",\"reason\":\"" + "因".repeat(201) + "\"}",
        "{\"contactPhone\":\"13812345678\",\"reason\":\"不要了\",\"force\":true}", "{\"contactPhone\":13812345678,\"reason\":\"x\"}",
        "{\"contactPhone\":\"13812345678\",\"reason\":\"不要了\"}", "[]", "oops"}) {
      requests.add(new Malformed("withdrawal " + abbreviate(body), "POST", withdrawal, body, json));
    }
    requests.add(new Malformed("withdrawal with a malformed number", "POST", APPLICATIONS + "/123/withdrawal",
        "{\"contactPhone\":\"13812345678\",\"reason\":\"不要了\"}", json));
    // A verified phone: codes and sessions asked for wrongly (none of these reaches a limit's bucket).
    for (String body : new String[] {"{}", "{\"phone\":\"123\"}", "{\"phone\":13812345678}", "{\"phone\":\"0731-22881234\"}",
        "{\"phone\":\"13812345678\",\"extra\":1}", "oops", "[]"}) {
      requests.add(new Malformed("verification code " + abbreviate(body), "POST", "/api/v1/verification-codes", body, json));
    }
    for (String body : new String[] {"{}", "{\"phone\":\"13812345678\"}", "{\"phone\":\"13812345678\",\"code\":\"12\"}",
        "{\"phone\":\"13812345678\",\"code\":\"abcdef\"}", "{\"phone\":\"1381234567\",\"code\":\"123456\"}", "null"}) {
      requests.add(new Malformed("session " + abbreviate(body), "POST", "/api/v1/sessions", body, json));
    }
    // Permit decisions: the platform's own mistakes.
    String decision = "/api/v1/permit-decisions/ZD-GW-1999-000001-1";
    for (String body : new String[] {"{}", "{\"decision\":\"maybe\"}", "{\"decision\":\"approved\"}",
        "{\"decision\":\"rejected\"}", "{\"decision\":\"approved\",\"permitNumber\":\"" + "号".repeat(65) + "\"}",
        "{\"decision\":\"rejected\",\"rejectionReason\":\"" + "因".repeat(501) + "\"}",
        "{\"decision\":\"approved\",\"permitNumber\":\"株许1号\",\"extra\":1}", "{\"decision\":true}", "null",
        "{\"decision\":\"approved\",\"permitNumber\":\"株许1号\"}"}) {
      requests.add(new Malformed("permit decision " + abbreviate(body), "POST", decision, body, platform));
    }
    requests.add(new Malformed("permit decision without token", "POST", decision, "{}", json));
    requests.add(new Malformed("permit decision with a malformed reference", "POST",
        "/api/v1/permit-decisions/" + "R".repeat(65), "{\"decision\":\"approved\",\"permitNumber\":\"x\"}", platform));
    requests.add(new Malformed("permit decision by GET", "GET", decision, null, platform));
    // Payment notifications: the gateway's own mistakes (docs/adr/0043); the last is well-formed for no order.
    String notifications = "/api/v1/payment-notifications";
    String[] gateway = {"Content-Type", "application/json", "Authorization", "Bearer " + ApiClient.DEMO_PAYMENT_TOKEN};
    String paid = ",\"transactionId\":\"42001\",\"paidAt\":\"2026-12-04T10:15:30+08:00\"}";
    for (String body : new String[] {"{}", "{\"paymentReference\":\"ZF-1999-000001-1\"}",
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":-5" + paid,
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":1.234" + paid,
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":\"lots\"" + paid,
        "{\"paymentReference\":\"PAY-1\",\"amount\":100" + paid,
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":100,\"transactionId\":\"a b\",\"paidAt\":\"2026-12-04T10:15:30+08:00\"}",
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":100,\"transactionId\":\"42001\",\"paidAt\":\"yesterday\"}",
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":100,\"transactionId\":\"42001\"}",
        "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":100,\"extra\":1" + paid.substring(0, paid.length() - 1) + "}",
        "null", "[]", "oops", "{\"paymentReference\":\"ZF-1999-000001-1\",\"amount\":100" + paid}) {
      requests.add(new Malformed("payment notification " + abbreviate(body), "POST", notifications, body, gateway));
    }
    requests.add(new Malformed("payment notification without token", "POST", notifications, "{}", json));
    requests.add(new Malformed("payment notification with the platform's token", "POST", notifications, "{}", platform));
    requests.add(new Malformed("payment notification by GET", "GET", notifications, null, gateway));
    // The quote of a case that is not there, or not the phone's.
    for (String[] quote : new String[][] {{"GET", "/quote"}, {"POST", "/quote/acceptance"}, {"POST", "/quote/payments"}}) {
      requests.add(new Malformed(quote[0] + " " + quote[1] + " of an unknown case", quote[0],
          APPLICATIONS + "/GW-1999-000001" + quote[1], null, new String[] {"X-Contact-Phone", "13812345678"}));
      requests.add(new Malformed(quote[0] + " " + quote[1] + " with a malformed number", quote[0],
          APPLICATIONS + "/123" + quote[1], null, new String[] {"X-Contact-Phone", "13812345678"}));
    }

    return requests.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRequests")
  void aMalformedRequest_getsA4xxProblem_neverA5xx(Malformed request) {
    ApiClient caller = request.channelNamesNoPhone() ? api.channelWithoutPhone() : api;
    Answer answer = caller.send(request.method(), request.path(), request.body(), request.headers());

    assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
    assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
    assertThat(answer.json().get("title").asText()).isNotBlank();
    assertThat(answer.json().get("detail").asText()).isNotBlank().doesNotContain("Exception", "at org.", "at java.");
    if (answer.status() == 400) {
      assertThat(answer.json().get("errors")).as("errors naming the fields").isNotEmpty();
    }
  }

  @Test
  void theSweepCoversWellOverAHundredRequests() {
    assertThat(malformedRequests().count()).isGreaterThanOrEqualTo(100);
  }

  // --- Helpers ---------------------------------------------------------------------------------

  static String abbreviate(String text) {
    String flat = text.replace("\n", " ");
    return flat.length() > 40 ? flat.substring(0, 37) + "…(" + flat.length() + ")" : flat;
  }

  static void assertProblem(Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("detail").asText()).isNotBlank();
  }

  static String firstError(Answer answer) {
    return answer.json().get("errors").get(0).get("field").asText();
  }

  static void assertField(Answer answer, String field, String messagePart) {
    assertProblem(answer, 400);
    JsonNode errors = answer.json().get("errors");
    assertThat(errors).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).contains(messagePart);
    });
  }
}
