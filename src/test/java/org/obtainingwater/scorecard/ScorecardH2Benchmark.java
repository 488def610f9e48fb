package org.obtainingwater.scorecard;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The scorecard benchmark on H2 (docs/benchmarks.md). */
@SpringBootTest(properties = "logging.level.org.obtainingwater.scorecard=DEBUG")
@ActiveProfiles({"demo", "test"})
class ScorecardH2Benchmark extends ScorecardBenchmarkContract {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}
