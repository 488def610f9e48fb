package org.obtainingwater.metering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Local adapter: records account openings and numbers them, idempotent per application. */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.billing", havingValue = "recording", matchIfMissing = true)
public class RecordingBillingSystem implements BillingSystem {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingBillingSystem.class);
  private static final int KEPT = 1_000;

  private final Map<String, String> accounts = new LinkedHashMap<>();
  private long opened;

  @Override
  public synchronized String openAccount(CustomerAccountOpening opening) {
    String existing = accounts.get(opening.applicationNumber());
    if (existing != null) {
      return existing;
    }
    if (accounts.size() == KEPT) {
      accounts.remove(accounts.keySet().iterator().next());
    }
    String account = "YH%08d".formatted(++opened);
    accounts.put(opening.applicationNumber(), account);
    LOG.info("Opened account {} for {} (meter {} DN{})", account, opening.applicationNumber(),
        opening.meterSerialNumber(), opening.meterDn());
    return account;
  }

  /** The account opened for a case, if any. */
  public synchronized Optional<String> accountFor(String applicationNumber) {
    return Optional.ofNullable(accounts.get(applicationNumber));
  }
}
