package org.obtainingwater.identity;

import java.time.OffsetDateTime;

import org.obtainingwater.process.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what the customer doors leave behind, so the tables stay the size of what is still alive: dead
 * verification codes some time after they expired ({@code code-retention}, except a code a signed supply contract
 * rests on, which is the signature's evidence), expired sessions, and rate-limit buckets nobody took from for longer
 * than the longest limit period (full again, so removing one changes no answer). Every node may run it: each delete
 * stands alone and deleting what another node deleted is nothing.
 */
@Component
public class CustomerIdentityHousekeeping {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerIdentityHousekeeping.class);

  /** What one sweep removed. */
  public record Swept(int codes, int sessions, int buckets) {
  }

  private final JdbcTemplate jdbc;
  private final CustomerIdentitySettings settings;
  private final RateLimits limits;

  CustomerIdentityHousekeeping(JdbcTemplate jdbc, CustomerIdentitySettings settings, RateLimits limits) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.limits = limits;
  }

  @Scheduled(initialDelayString = "${obtaining-water.customers.housekeeping-interval:PT1H}",
      fixedDelayString = "${obtaining-water.customers.housekeeping-interval:PT1H}")
  void sweepOnSchedule() {
    Swept swept = sweep();
    if (swept.codes() + swept.sessions() + swept.buckets() > 0) {
      LOG.info("Customer identity housekeeping removed {} dead codes, {} expired sessions, {} idle rate-limit buckets",
          swept.codes(), swept.sessions(), swept.buckets());
    }
  }

  /** One sweep, by the engine's clock (the one the codes, sessions and buckets were written by). */
  public Swept sweep() {
    OffsetDateTime now = RecordedTime.now();
    int codes = jdbc.update("DELETE FROM verification_code WHERE expires_at < ? AND NOT EXISTS "
        + "(SELECT 1 FROM supply_contract c WHERE c.verification_code_id = verification_code.id)",
        now.minus(settings.codeRetention()));
    int sessions = jdbc.update("DELETE FROM customer_session WHERE expires_at < ?", now);
    int buckets = jdbc.update("DELETE FROM rate_limit_bucket WHERE updated_at < ?", now.minus(limits.longestPeriod()));
    return new Swept(codes, sessions, buckets);
  }
}
