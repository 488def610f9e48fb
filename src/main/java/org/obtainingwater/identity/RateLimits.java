package org.obtainingwater.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The abuse limits of the customer doors (docs/adr/0026): token buckets per phone and per client
 * address, configured in {@code obtaining-water.customers.limits} as lists of {@code count/duration}
 * (e.g. {@code 1/PT1M}, {@code 10/P1D}: every list entry must hold). Buckets live in the database, so
 * they hold across the nodes of a cluster. A limit left out of the configuration is not enforced.
 */
@Component
@EnableConfigurationProperties({RateLimits.Settings.class, CustomerIdentitySettings.class})
public class RateLimits {

  /** What is limited, per which key, and what a person is told when it is used up. */
  public enum Limit {
    CODE_PER_PHONE("code-per-phone", "这个手机号获取验证码过于频繁"),
    CODE_PER_ADDRESS("code-per-address", "从您的网络获取验证码过于频繁"),
    SMS_PER_PHONE("sms-per-phone", "这个手机号今天收到的短信已达上限"),
    SIGNING_CODE_PER_PHONE("signing-code-per-phone", "这个手机号获取合同签署验证码过于频繁"),
    SESSION_PER_PHONE("session-per-phone", "这个手机号登录尝试过于频繁"),
    SESSION_PER_ADDRESS("session-per-address", "从您的网络登录尝试过于频繁"),
    FILING_PER_PHONE("filing-per-phone", "这个手机号今天提交的申请已达上限"),
    BOOKING_PER_PHONE("booking-per-phone", "这个手机号今天预约、改约上门的次数已达上限"),
    QUOTE_PER_PHONE("quote-per-phone", "这个手机号今天确认报价、发起付款的次数已达上限"),
    READ_PER_PHONE("read-per-phone", "查询过于频繁"),
    READ_PER_ADDRESS("read-per-address", "从您的网络查询过于频繁");

    private final String property;
    private final String message;

    Limit(String property, String message) {
      this.property = property;
      this.message = message;
    }

    public String property() {
      return property;
    }
  }

  /** {@code obtaining-water.customers.limits.<limit>}: each a list of {@code count/ISO-duration}. */
  @ConfigurationProperties("obtaining-water.customers")
  public record Settings(Map<String, List<String>> limits) {
  }

  private final JdbcBuckets buckets;
  private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);
  private Duration longestPeriod = Duration.ZERO;

  RateLimits(DataSource dataSource, Settings settings) {
    this.buckets = new JdbcBuckets(dataSource);
    Map<String, List<String>> limits = settings.limits() == null ? Map.of() : settings.limits();
    for (Limit limit : Limit.values()) {
      List<String> rules = limits.getOrDefault(limit.property, List.of());
      if (!rules.isEmpty()) {
        configurations.put(limit, configuration(limit, rules));
        for (String rule : rules) {
          Duration period = period(limit, rule);
          longestPeriod = period.compareTo(longestPeriod) > 0 ? period : longestPeriod;
        }
      }
    }
  }

  private static BucketConfiguration configuration(Limit limit, List<String> rules) {
    ConfigurationBuilder builder = BucketConfiguration.builder();
    List<String> ids = new ArrayList<>();
    for (String rule : rules) {
      long count = Long.parseLong(parts(limit, rule)[0].strip());
      Duration period = period(limit, rule);
      String id = count + "/" + period;
      if (ids.contains(id)) {
        continue;
      }
      ids.add(id);
      // Intervally: "10 a day" gives the 10 back at once when the day is over, as a person reads the rule.
      builder.addLimit(Bandwidth.builder().capacity(count).refillIntervally(count, period).id(id).build());
    }
    return builder.build();
  }

  private static String[] parts(Limit limit, String rule) {
    String[] parts = rule.strip().split("/", 2);
    if (parts.length != 2) {
      throw new IllegalStateException("obtaining-water.customers.limits." + limit.property + ": '" + rule
          + "' is not count/duration, e.g. 10/P1D");
    }
    return parts;
  }

  private static Duration period(Limit limit, String rule) {
    return Duration.parse(parts(limit, rule)[1].strip());
  }

  /**
   * The longest period of any configured rule. A bucket nobody took from for longer than this has been refilled
   * to the full, so removing it lets nothing more through than keeping it: a new bucket starts full, as it is.
   */
  Duration longestPeriod() {
    return longestPeriod;
  }

  /** Whether the limit is configured at all. */
  public boolean enforced(Limit limit) {
    return configurations.containsKey(limit);
  }

  /** Takes one from the key's bucket of this limit, or throws {@link TooManyRequestsException} when it is empty. */
  public void take(Limit limit, String key) {
    BucketConfiguration configuration = configurations.get(limit);
    if (configuration == null || key == null) {
      return;
    }
    ConsumptionProbe probe = buckets.builder().build(limit.property + ":" + key, () -> configuration)
        .tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
      throw new TooManyRequestsException(limit.message + "，请在 " + inWords(seconds) + "后再试", seconds);
    }
  }

  private static String inWords(long seconds) {
    if (seconds < 120) {
      return seconds + " 秒";
    }
    if (seconds < 2 * 3600) {
      return (seconds + 59) / 60 + " 分钟";
    }
    return (seconds + 3599) / 3600 + " 小时";
  }
}
