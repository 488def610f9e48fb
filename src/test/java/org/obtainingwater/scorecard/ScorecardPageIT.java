package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.NodeScript;
import org.obtainingwater.support.AppOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scorecard page in a real browser: the application runs with September 2025's cases (eight run
 * through the engine, copied to 300), and {@code src/test/browser/scorecard-page.mjs} checks in
 * headless Chromium that a login is required, that a supervisor sees the figures and both charts,
 * and that nothing is loaded from outside the application; it takes the README's screenshot into
 * target/screenshots/.
 */
@AppOnH2
class ScorecardPageIT {

  static final Path SCRIPT = Path.of("src/test/browser/scorecard-page.mjs");
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final int COPIES = 300;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Payments payments;
  @Autowired
  SupplyContracts contracts;

  @Test
  void aSupervisorSeesSeptembersFiguresAndCharts() throws Exception {
    assertThat(new File("/usr/bin/chromium")).as("Debian chromium (installed by .ci/run)").exists();
    SeptemberCases september = new SeptemberCases(engine, jdbc, payments, contracts);
    september.copies(september.templates(), COPIES);
    int expected = COPIES + 8;
    Instant started = Instant.now().minusSeconds(1);

    NodeScript.Run browser = NodeScript.run(Duration.ofMinutes(3), SCRIPT, "http://localhost:" + port,
        SCREENSHOTS.toString(), String.valueOf(expected));
    System.out.println(browser.output());
    assertThat(browser.finished()).as("browser check finished in time").isTrue();
    assertThat(browser.exitCode()).as("scorecard page in the browser:\n" + browser.output()).isZero();
    assertThat(Files.getLastModifiedTime(SCREENSHOTS.resolve("scorecard.png")).toInstant()).isAfter(started);
  }
}
