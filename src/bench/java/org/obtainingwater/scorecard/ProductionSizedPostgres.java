package org.obtainingwater.scorecard;

import org.obtainingwater.support.TestPostgres;
import org.obtainingwater.support.TestPostgresConfiguration;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Embedded PostgreSQL with its buffer cache sized as a production server's would be for this much
 * history: the zonky default is PostgreSQL's own 128 MB, a tenth of the 1.3 GB of history tables
 * the scorecard benchmark writes, so every history page the scorecard touches is read again from the
 * operating system on every run. A database server for the utility runs with a quarter of its memory
 * as shared buffers (docs/benchmarks.md); here 2 GB, which holds the benchmark's tables.
 */
@TestConfiguration(proxyBeanMethods = false)
class ProductionSizedPostgres extends TestPostgresConfiguration {

  static final String SHARED_BUFFERS = "2GB";

  @Override
  protected TestPostgres settings() {
    return TestPostgres.testDefault().sharedBuffers(SHARED_BUFFERS);
  }
}
