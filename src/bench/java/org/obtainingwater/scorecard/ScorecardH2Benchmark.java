package org.obtainingwater.scorecard;

import org.obtainingwater.support.AppOnH2;
import org.springframework.test.context.TestPropertySource;

/** The scorecard benchmark on H2 (docs/benchmarks.md). */
@AppOnH2
@TestPropertySource(properties = "logging.level.org.obtainingwater.scorecard=DEBUG")
class ScorecardH2Benchmark extends ScorecardBenchmarkContract {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}
