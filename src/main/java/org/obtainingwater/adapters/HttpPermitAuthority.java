package org.obtainingwater.adapters;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.obtainingwater.permits.PermitAuthority;
import org.obtainingwater.permits.PermitFiling;
import org.obtainingwater.permits.PermitWithdrawal;
import org.obtainingwater.process.OutsideSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The city's permit platform over HTTP/JSON ({@code obtaining-water.adapters.permit-authority: http}), as
 * {@code docs/contracts/permit-platform.yaml} describes it: {@code POST /permit-applications} with the filing's
 * idempotency key, answered with the platform's reference (201, or 200 with the same reference for a key it has
 * seen). The filing step is asynchronous in the diagram, so a failure here is the engine's job failure: retried on
 * the element's cycle, throttling waits, a refusal is an incident at once (engine.OutsideSystemJobRetries).
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.permit-authority", havingValue = "http")
public class HttpPermitAuthority implements PermitAuthority {

  static final String SYSTEM = "permit-authority";
  private static final Logger LOG = LoggerFactory.getLogger(HttpPermitAuthority.class);

  private final HttpJsonSystem platform;

  @Autowired
  HttpPermitAuthority(Environment configuration) {
    this(HttpJsonSystem.Settings.of(configuration, SYSTEM));
  }

  HttpPermitAuthority(HttpJsonSystem.Settings settings) {
    this.platform = new HttpJsonSystem(SYSTEM, "许可审批平台 (permit platform)", settings);
  }

  @Override
  public String file(PermitFiling filing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationNumber", filing.applicationNumber());
    body.put("kind", filing.kind().code());
    body.put("attempt", filing.attempt());
    body.put("procedure", filing.procedure());
    body.put("siteAddress", filing.siteAddress());
    body.put("externalPipeLength", filing.externalPipeLength());
    body.put("revisionNote", filing.revisionNote());
    JsonNode answer = platform.post("/permit-applications", filing.idempotencyKey(), body);
    String reference = answer.path("reference").asText("");
    if (reference.isBlank()) {
      throw OutsideSystemException.unavailable(SYSTEM, "许可审批平台的应答缺少受理号（reference），稍后自动重试。/ "
          + "The permit platform's answer has no reference; retried later.", null);
    }
    LOG.info("Filed {} ({}) for {} at the permit platform as {}", filing.kind().title(), filing.procedure(),
        filing.applicationNumber(), reference);
    return reference;
  }

  /**
   * {@code POST /permit-applications/{reference}/withdrawal} with the withdrawal's key: the platform answers 200
   * whether it withdrew the filing now, had withdrawn it before, or had decided it meanwhile (nothing left to
   * withdraw, {@code "withdrawn": false}); failures as for a filing.
   */
  @Override
  public void withdraw(PermitWithdrawal withdrawal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationNumber", withdrawal.applicationNumber());
    body.put("kind", withdrawal.kind().code());
    body.put("reason", "customerWithdrew");
    JsonNode answer = platform.post("/permit-applications/"
        + URLEncoder.encode(withdrawal.reference(), StandardCharsets.UTF_8).replace("+", "%20") + "/withdrawal",
        withdrawal.idempotencyKey(), body);
    LOG.info("{} {} ({}) for {} at the permit platform", answer.path("withdrawn").asBoolean(true)
        ? "Withdrew" : "Nothing left to withdraw (decided before):", withdrawal.reference(), withdrawal.kind().title(),
        withdrawal.applicationNumber());
  }
}
