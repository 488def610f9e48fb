package org.obtainingwater.process;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why survey or metering staff stopped the clock for the customer (等待客户条件具备, docs/adr/0045): the list the
 * forms offer, as codes in {@link CaseVariables#PAUSE_REASON} and labels the customer and the scorecard read.
 */
public enum PauseReason {
  SITE_NOT_READY("siteNotReady", "现场条件不具备"),
  CUSTOMER_POSTPONED("customerPostponed", "客户要求延期"),
  CUSTOMER_UNREACHABLE("customerUnreachable", "联系不上客户");

  private final String code;
  private final String label;

  PauseReason(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Set<String> codes() {
    return Arrays.stream(values()).map(PauseReason::code).collect(Collectors.toUnmodifiableSet());
  }

  public static Optional<PauseReason> ofCode(String code) {
    return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
  }
}
