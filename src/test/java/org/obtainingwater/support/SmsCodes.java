package org.obtainingwater.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.notification.OutboxDispatcher;

/**
 * A customer's session the way a person gets one: a code by SMS through the real outbox and the
 * recording gateway, then {@code POST /api/v1/sessions} with it (docs/adr/0025).
 */
public final class SmsCodes {

  /** A login code's SMS says 验证码是 123456, a contract signing code's 验证码 123456. */
  private static final Pattern CODE = Pattern.compile("验证码是? ?(\\d{6})");

  private final OutboxDispatcher dispatcher;
  private final RecordingSmsGateway sms;

  public SmsCodes(OutboxDispatcher dispatcher, RecordingSmsGateway sms) {
    this.dispatcher = dispatcher;
    this.sms = sms;
  }

  /** A mobile number no other test uses (the limits are per phone), starting with the given 3 digits. */
  public static String freshPhone(String prefix) {
    return prefix + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
  }

  /** A session for the phone, asked for by the caller (anonymous, from an address of its own). */
  public Answer session(ApiClient caller, String phone) {
    Answer asked = caller.requestCode(phone);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    return caller.openSession(phone, sentTo(phone));
  }

  /** The bearer token of a fresh session for the phone. */
  public String token(ApiClient caller, String phone) {
    Answer session = session(caller, phone);
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    return session.json().get("token").asText();
  }

  /**
   * The customer signs the case's supply contract on the page (docs/adr/0040): asks for a signing code, reads it from
   * the SMS and signs the document as shown (its SHA-256), with {@code customer}'s session for the case's phone.
   */
  public Answer signContract(ApiClient customer, String applicationNumber, String phone) {
    String contract = "/api/v1/applications/" + applicationNumber + "/contract";
    Answer shown = customer.send("GET", contract, null);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    Answer asked = customer.send("POST", contract + "/signing-codes", null);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    return customer.postJson(contract + "/signature", signing(sentTo(phone), shown.json().get("documentSha256").asText()));
  }

  /** The body of {@code POST …/contract/signature}: the code and the SHA-256 of the document signed. */
  public static String signing(String code, String documentSha256) {
    return "{\"code\":\"" + code + "\",\"documentSha256\":\"" + documentSha256 + "\"}";
  }

  /** The code in the latest SMS the gateway delivered to the phone, after the outbox dispatcher ran. */
  public String sentTo(String phone) {
    String text = latestText(phone);
    Matcher code = CODE.matcher(text);
    assertThat(code.find()).as(text).isTrue();
    return code.group(1);
  }

  /** The latest SMS text the gateway delivered to the phone, after the outbox dispatcher ran. */
  public String latestText(String phone) {
    dispatcher.dispatchDue();
    List<RecordingSmsGateway.Delivery> delivered = sms.deliveredTo(phone);
    assertThat(delivered).as("SMS to %s", phone).isNotEmpty();
    return delivered.get(delivered.size() - 1).text();
  }
}
