package org.obtainingwater.cases;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.process.CaseVariables.ONLINE_RATING;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.obtainingwater.notification.Masking;
import org.obtainingwater.process.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer rates the service on the page after the water is on (issue 16, docs/adr/0037): 1 to 5
 * and an optional comment, once per case, only for the caller's verified phone's own case. The rating
 * is kept in its own table ({@code service_rating}, Flyway V18); while the case runs it is also put on
 * the case as the text variable {@code onlineRating}, which the callback task's form shows.
 */
@Service
public class ServiceRatings {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceRatings.class);
  /** What each score means, as the callback form explains its own 1–5. */
  public static final List<String> MEANINGS = List.of("非常不满意", "不满意", "一般", "满意", "非常满意");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A rating as given. */
  public record ServiceRating(String applicationNumber, int score, String comment, OffsetDateTime ratedAt) {

    /** The score in words with the comment, the time in the utility's zone: what the callback form shows. */
    public String asText(ZoneId zone) {
      return score + " 分（" + MEANINGS.get(score - 1) + "）" + (comment == null ? "" : "：" + comment)
          + "，" + DAY.format(ratedAt.atZoneSameInstant(zone)) + " 在客户页面评价";
    }
  }

  private final JdbcTemplate jdbc;
  private final CaseRecords records;
  private final RuntimeService runtime;
  private final ZoneId zone;

  ServiceRatings(JdbcTemplate jdbc, CaseRecords records, RuntimeService runtime, ZoneId serviceZone) {
    this.jdbc = jdbc;
    this.records = records;
    this.runtime = runtime;
    this.zone = serviceZone;
  }

  /** Whether the case is at or past water-on, connected: the only cases a customer can rate. */
  public static boolean ratable(CaseRecord record) {
    return record.outcome() == Outcome.WATER_CONNECTED
        || (!record.finished() && (record.stage() == Stage.WATER_ON || record.stage() == Stage.CALLBACK));
  }

  public Optional<ServiceRating> find(String applicationNumber) {
    return jdbc.query("SELECT application_number, score, rating_comment, rated_at FROM service_rating "
        + "WHERE application_number = ?", (rs, row) -> new ServiceRating(rs.getString(1), rs.getInt(2), rs.getString(3),
            RecordedTime.read(rs, "rated_at")), applicationNumber).stream().findFirst();
  }

  /**
   * Records the rating. The case row is locked first, so of two ratings at once the second sees the first
   * and is told so; the table's key refuses it even where the lock would not.
   */
  @Transactional
  public ServiceRating rate(String applicationNumber, String contactPhone, int score, String comment) {
    CaseRecord record = records.lockCustomersOwn(applicationNumber, contactPhone);
    Optional<ServiceRating> earlier = find(applicationNumber);
    if (earlier.isPresent()) {
      throw alreadyRated(earlier.get());
    }
    if (!ratable(record)) {
      boolean ended = record.finished() || record.stage() == Stage.WITHDRAWAL;
      throw new RequestRefusedException(CONFLICT, ended
          ? "申请 " + applicationNumber + " 已" + (record.finished() ? record.outcome().label() : "撤回")
              + "，没有通水，无需评价"
          : "申请 " + applicationNumber + " 尚未通水（当前环节：" + record.stage().label() + "），通水后才能评价服务");
    }
    ServiceRating rating = new ServiceRating(applicationNumber, score, comment, RecordedTime.now());
    try {
      jdbc.update("INSERT INTO service_rating (application_number, score, rating_comment, phone, rated_at) "
          + "VALUES (?, ?, ?, ?, ?)", applicationNumber, score, comment, record.contactPhone(), rating.ratedAt());
    } catch (DuplicateKeyException concurrent) {
      throw alreadyRated(find(applicationNumber).orElse(rating));
    }
    boolean running = runtime.createProcessInstanceQuery().processInstanceId(record.processInstanceId()).count() == 1;
    if (running) {
      runtime.setVariable(record.processInstanceId(), ONLINE_RATING.name(), rating.asText(zone));
    }
    LOG.info("Application {} rated {} online by {}", applicationNumber, score, Masking.phone(contactPhone));
    return rating;
  }

  private RequestRefusedException alreadyRated(ServiceRating earlier) {
    return new RequestRefusedException(CONFLICT, "申请 " + earlier.applicationNumber() + " 已于 "
        + DAY.format(earlier.ratedAt().atZoneSameInstant(zone)) + " 评价过（" + earlier.score()
        + " 分），每件申请只能评价一次；如需补充意见请致电服务热线 96111");
  }
}
