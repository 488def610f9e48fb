package org.obtainingwater.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's message converter with personal data masked, registered for {@code %m}/{@code %msg} in
 * logback-spring.xml so it covers every log line, ours and the libraries'. Code masks deliberately
 * ({@code Masking.phone}); this is the net under it, for a phone number or ID number that reaches a
 * message some other way (an exception text, a library's debug line).
 * <ul>
 * <li>Mainland mobile numbers: {@code 13812345678} → {@code 138****5678}</li>
 * <li>Landlines with area code: {@code 0731-22881234} → {@code 0731-****1234}</li>
 * <li>Resident ID numbers (18 characters): {@code 430203199001011234} → {@code 430203********1234}</li>
 * </ul>
 */
public class PersonalDataMasking extends MessageConverter {

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");
  private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])(0\\d{2,3}-)\\d{3,4}(\\d{4})(?![0-9])");

  @Override
  public String convert(ILoggingEvent event) {
    return mask(super.convert(event));
  }

  public static String mask(String message) {
    if (message == null) {
      return null;
    }
    String masked = replace(ID_NUMBER, message, "$1********$2");
    masked = replace(MOBILE, masked, "$1****$2");
    return replace(LANDLINE, masked, "$1****$2");
  }

  private static String replace(Pattern pattern, String text, String replacement) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(replacement) : text;
  }
}
