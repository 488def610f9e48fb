package org.obtainingwater.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.notification.OutboxDispatcher;

/** The codes customers receive by SMS (login, contract signing), read where the recording SMS gateway delivered them. */
public final class SmsCodes {

  private static final Pattern CODE = Pattern.compile("验证码是? ?(\\d{6})");

  private SmsCodes() {
  }

  /** The code in the latest SMS the gateway delivered to the phone, after the outbox dispatcher ran. */
  public static String latest(OutboxDispatcher dispatcher, RecordingSmsGateway sms, String phone) {
    return code(latestText(dispatcher, sms, phone));
  }

  /** The latest SMS text the gateway delivered to the phone, after the outbox dispatcher ran. */
  public static String latestText(OutboxDispatcher dispatcher, RecordingSmsGateway sms, String phone) {
    dispatcher.dispatchDue();
    List<RecordingSmsGateway.Delivery> delivered = sms.deliveredTo(phone);
    assertThat(delivered).as("SMS to %s", phone).isNotEmpty();
    return delivered.get(delivered.size() - 1).text();
  }

  private static String code(String text) {
    Matcher code = CODE.matcher(text);
    assertThat(code.find()).as(text).isTrue();
    return code.group(1);
  }
}
