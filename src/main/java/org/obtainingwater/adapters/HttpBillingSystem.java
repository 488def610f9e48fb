package org.obtainingwater.adapters;

import java.util.LinkedHashMap;
import java.util.Map;

import org.obtainingwater.metering.BillingSystem;
import org.obtainingwater.metering.CustomerAccountOpening;
import org.obtainingwater.process.OutsideSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The utility's billing (营销) system over HTTP/JSON ({@code obtaining-water.adapters.billing: http}), as
 * {@code docs/contracts/billing.yaml} describes it: {@code POST /accounts} keyed by the application number, answered
 * with the account number (201, or 200 with the account already opened for that key). Failures are the opening
 * step's job failures (engine.OutsideSystemJobRetries).
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.billing", havingValue = "http")
public class HttpBillingSystem implements BillingSystem {

  static final String SYSTEM = "billing";
  private static final Logger LOG = LoggerFactory.getLogger(HttpBillingSystem.class);

  private final HttpJsonSystem billing;

  @Autowired
  HttpBillingSystem(Environment configuration) {
    this(HttpJsonSystem.Settings.of(configuration, SYSTEM));
  }

  HttpBillingSystem(HttpJsonSystem.Settings settings) {
    this.billing = new HttpJsonSystem(SYSTEM, "营销系统 (billing)", settings);
  }

  @Override
  public String openAccount(CustomerAccountOpening opening) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("applicationNumber", opening.applicationNumber());
    body.put("holderName", opening.holderName());
    body.put("siteAddress", opening.siteAddress());
    body.put("useType", opening.useType());
    body.put("meterSerialNumber", opening.meterSerialNumber());
    body.put("meterDn", opening.meterDn());
    body.put("initialReading", opening.initialReading());
    JsonNode answer = billing.post("/accounts", opening.idempotencyKey(), body);
    String account = answer.path("accountNumber").asText("");
    if (account.isBlank()) {
      throw OutsideSystemException.unavailable(SYSTEM, "营销系统的应答缺少用水户号（accountNumber），稍后自动重试。/ "
          + "Billing's answer has no account number; retried later.", null);
    }
    LOG.info("Opened account {} for {} in billing", account, opening.applicationNumber());
    return account;
  }
}
