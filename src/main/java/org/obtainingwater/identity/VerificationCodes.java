package org.obtainingwater.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.obtainingwater.notification.Masking;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes that prove a customer holds a phone (docs/adr/0025). A code goes out by SMS through
 * the notification outbox; only a salted hash is stored. It lives {@code code-lifetime} (5 minutes)
 * and allows {@code code-tries} (5) wrong tries; after that, or once used, it is dead, and so is
 * every earlier code of that phone for the same purpose when a new one is sent. A code is for one
 * purpose: logging in, or signing one supply contract (docs/adr/0040); a login code cannot sign.
 */
@Service
public class VerificationCodes {

  private static final Logger LOG = LoggerFactory.getLogger(VerificationCodes.class);

  static final String FIELD = "code";

  /** The purpose of a code that opens a customer session. */
  static final String LOGIN = "LOGIN";

  private final JdbcTemplate jdbc;
  private final NotificationOutbox outbox;
  private final CustomerIdentitySettings settings;

  VerificationCodes(JdbcTemplate jdbc, NotificationOutbox outbox, CustomerIdentitySettings settings) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.settings = settings;
  }


  /** Sends a new login code to the phone; the phone's earlier login codes die. */
  @Transactional
  public void send(String phone) {
    long minutes = Math.max(1, settings.codeLifetime().toMinutes());
    send(phone, LOGIN, code -> outbox.sendVerificationCode(phone, code, "【供水服务】您的验证码是 " + code + "，" + minutes
        + " 分钟内有效，仅用于用水报装登录。如非本人操作，请忽略本短信。"));
  }

  /**
   * Sends a code that signs the supply contract {@code contractNumber} and nothing else; the phone's earlier
   * codes for that contract die.
   */
  @Transactional
  public void sendForSigning(String phone, String contractNumber) {
    long minutes = Math.max(1, settings.codeLifetime().toMinutes());
    send(phone, signing(contractNumber), code -> outbox.sendContractSigningCode(phone, code, contractNumber,
        "【供水服务】您正在签署供水合同 " + contractNumber + "，验证码 " + code + "，" + minutes
            + " 分钟内有效。验证码即您的签署确认，请勿告诉他人；如非本人操作，请忽略本短信。"));
  }

  /** Stores a new code for the purpose (earlier ones die) and hands it to {@code sms}, which queues its SMS. */
  private void send(String phone, String purpose, Consumer<String> sms) {
    OffsetDateTime now = RecordedTime.now();
    String code = Secrets.code();
    String salt = Secrets.salt();
    jdbc.update("UPDATE verification_code SET used_at = ? WHERE phone = ? AND purpose = ? AND used_at IS NULL", now,
        phone, purpose);
    jdbc.update("INSERT INTO verification_code (phone, purpose, salt, code_hash, attempts, created_at, expires_at) "
        + "VALUES (?, ?, ?, ?, 0, ?, ?)", phone, purpose, salt, Secrets.sha256(salt + code), now,
        now.plus(settings.codeLifetime()));
    sms.accept(code);
    LOG.info("Verification code ({}) sent to {}", purpose, Masking.phone(phone));
  }

  private static String signing(String contractNumber) {
    return "SIGN " + contractNumber;
  }

  /**
   * Uses the phone's current code: returns when it matches (and kills it), else throws
   * {@link InvalidInputException} on the field {@code code}, saying how many tries are left or that
   * the code is dead and a new one is needed.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public void use(String phone, String code) {
    use(phone, LOGIN, code);
  }

  /**
   * Uses the phone's current code for signing {@code contractNumber}, as {@link #use} does, and returns the
   * code's record: the check a signature rests on.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public long useForSigning(String phone, String contractNumber, String code) {
    return use(phone, signing(contractNumber), code);
  }

  private long use(String phone, String purpose, String code) {
    OffsetDateTime now = RecordedTime.now();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, salt, code_hash, attempts, expires_at, used_at "
        + "FROM verification_code WHERE phone = ? AND purpose = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY FOR UPDATE",
        phone, purpose);
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
    return id;
  }
}
