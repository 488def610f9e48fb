package org.obtainingwater.identity;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.obtainingwater.process.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's session after a verified code: a random bearer token, of which only the SHA-256 is
 * stored, in the database so that any node of a cluster accepts it (docs/adr/0025).
 */
@Service
public class CustomerSessions {

  /** An open session: the token is shown once, to the customer. */
  public record Session(String token, String phone, OffsetDateTime expiresAt) {
  }

  private final JdbcTemplate jdbc;
  private final CustomerIdentitySettings settings;

  CustomerSessions(JdbcTemplate jdbc, CustomerIdentitySettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  public CustomerIdentitySettings settings() {
    return settings;
  }

  @Transactional
  public Session open(String phone) {
    OffsetDateTime now = RecordedTime.now();
    String token = Secrets.token();
    OffsetDateTime expiresAt = now.plus(settings.sessionLifetime());
    jdbc.update("DELETE FROM customer_session WHERE expires_at < ?", now);
    jdbc.update("INSERT INTO customer_session (token_hash, phone, created_at, expires_at) VALUES (?, ?, ?, ?)",
        Secrets.sha256(token), phone, now, expiresAt);
    return new Session(token, phone, expiresAt);
  }

  /** The phone of a session that is open now, if the token names one. */
  public Optional<String> phoneOf(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT phone FROM customer_session WHERE token_hash = ? AND expires_at > ?", String.class,
        Secrets.sha256(token.strip()), RecordedTime.now()).stream().findFirst();
  }

  /** Ends the session the token names (signing out). */
  @Transactional
  public void close(String token) {
    if (token != null && !token.isBlank()) {
      jdbc.update("DELETE FROM customer_session WHERE token_hash = ?", Secrets.sha256(token.strip()));
    }
  }
}
