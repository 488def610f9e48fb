package org.obtainingwater.adapters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.obtainingwater.metering.BillingSystem;
import org.obtainingwater.metering.CustomerAccountOpening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: records account openings and numbers them; a second opening with the same
 * idempotency key (the application number) answers the account already opened.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.billing", havingValue = "recording", matchIfMissing = true)
public class RecordingBillingSystem implements BillingSystem {

  /** The name of billing in the adapter journal. */
  public static final String SYSTEM = "billing";

  private static final Logger LOG = LoggerFactory.getLogger(RecordingBillingSystem.class);
  private static final int KEPT = 1_000;

  private final Map<String, String> accounts = new LinkedHashMap<>();
  private final IdempotentCalls calls;
  /** Accounts opened so far, in earlier lives of the application too (journal). */
  private final AtomicLong opened;

  RecordingBillingSystem(AdapterJournal journal) {
    this.calls = journal.calls(SYSTEM);
    this.opened = new AtomicLong(calls.effects());
  }

  @Override
  public String openAccount(CustomerAccountOpening opening) {
    IdempotentCalls.Answer answer = calls.call(opening.idempotencyKey(), () -> {
      String account = "YH%08d".formatted(opened.incrementAndGet());
      LOG.info("Opened account {} for {} (meter {} DN{})", account, opening.applicationNumber(),
          opening.meterSerialNumber(), opening.meterDn());
      return account;
    });
    if (answer.repeat()) {
      LOG.info("Account {} for {} was already open", answer.value(), opening.applicationNumber());
    }
    remember(opening.applicationNumber(), answer.value());
    return answer.value();
  }

  private synchronized void remember(String applicationNumber, String account) {
    if (!accounts.containsKey(applicationNumber) && accounts.size() == KEPT) {
      accounts.remove(accounts.keySet().iterator().next());
    }
    accounts.put(applicationNumber, account);
  }

  /** The account opened for a case, if any. */
  public synchronized Optional<String> accountFor(String applicationNumber) {
    return Optional.ofNullable(accounts.get(applicationNumber));
  }
}
