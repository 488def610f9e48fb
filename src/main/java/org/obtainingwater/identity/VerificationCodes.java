package org.obtainingwater.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.notification.Masking;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.process.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes that prove a customer holds a phone (docs/adr/0025). A code goes out by SMS through
 * the notification outbox; only a salted hash is stored. It lives {@code code-lifetime} (5 minutes)
 * and allows {@code code-tries} (5) wrong tries; after that, or once used, it is dead, and so is
 * every earlier code of that phone when a new one is sent.
 */
@Service
public class VerificationCodes {

  private static final Logger LOG = LoggerFactory.getLogger(VerificationCodes.class);

  static final String FIELD = "code";

  private final JdbcTemplate jdbc;
  private final NotificationOutbox outbox;
  private final CustomerIdentitySettings settings;

  VerificationCodes(JdbcTemplate jdbc, NotificationOutbox outbox, CustomerIdentitySettings settings) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.settings = settings;
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }

  /** Sends a new code to the phone; earlier codes of the phone die. */
  @Transactional
  public void send(String phone) {
    OffsetDateTime now = now();
    String code = Secrets.code();
    String salt = Secrets.salt();
    jdbc.update("UPDATE verification_code SET used_at = ? WHERE phone = ? AND used_at IS NULL", now, phone);
    jdbc.update("INSERT INTO verification_code (phone, salt, code_hash, attempts, created_at, expires_at) "
        + "VALUES (?, ?, ?, 0, ?, ?)", phone, salt, Secrets.sha256(salt + code), now, now.plus(settings.codeLifetime()));
    long minutes = Math.max(1, settings.codeLifetime().toMinutes());
    outbox.sendVerificationCode(phone, code, "【供水服务】您的验证码是 " + code + "，" + minutes
        + " 分钟内有效，仅用于用水报装登录。如非本人操作，请忽略本短信。");
    LOG.info("Verification code sent to {}", Masking.phone(phone));
  }

  /**
   * Uses the phone's current code: returns when it matches (and kills it), else throws
   * {@link InvalidInputException} on the field {@code code}, saying how many tries are left or that
   * the code is dead and a new one is needed.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public void use(String phone, String code) {
    OffsetDateTime now = now();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, salt, code_hash, attempts, expires_at, used_at "
        + "FROM verification_code WHERE phone = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY FOR UPDATE", phone);
    if (rows.isEmpty()) {
      throw new InvalidInputException(FIELD, "请先获取验证码");
    }
    Map<String, Object> row = rows.get(0);
    long id = ((Number) row.get("id")).longValue();
    int attempts = ((Number) row.get("attempts")).intValue();
    OffsetDateTime expiresAt = jdbc.queryForObject("SELECT expires_at FROM verification_code WHERE id = ?",
        OffsetDateTime.class, id);
    if (row.get("used_at") != null || attempts >= settings.codeTries() || !expiresAt.isAfter(now)) {
      throw new InvalidInputException(FIELD, "验证码已失效（已使用、输错 " + settings.codeTries() + " 次或超过 "
          + settings.codeLifetime().toMinutes() + " 分钟），请重新获取验证码");
    }
    String given = code == null ? "" : code.strip();
    if (!Secrets.sameHash((String) row.get("code_hash"), Secrets.sha256(row.get("salt") + given))) {
      int used = attempts + 1;
      jdbc.update("UPDATE verification_code SET attempts = ? WHERE id = ?", used, id);
      int left = settings.codeTries() - used;
      throw new InvalidInputException(FIELD, left > 0 ? "验证码不正确，还可以再试 " + left + " 次"
          : "验证码不正确，已输错 " + settings.codeTries() + " 次，这个验证码已失效，请重新获取验证码");
    }
    jdbc.update("UPDATE verification_code SET used_at = ? WHERE id = ?", now, id);
  }
}
