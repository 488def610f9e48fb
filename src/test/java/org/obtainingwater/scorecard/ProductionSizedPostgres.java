package org.obtainingwater.scorecard;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Embedded PostgreSQL with its buffer cache sized as a production server's would be for this much
 * history: the zonky default is PostgreSQL's own 128 MB, a tenth of the 1.3 GB of history tables
 * the scorecard benchmark writes, so every history page the scorecard touches is read again from the
 * operating system on every run. A database server for the utility runs with a quarter of its memory
 * as shared buffers (docs/benchmarks.md); here 2 GB, which holds the benchmark's tables.
 */
@TestConfiguration(proxyBeanMethods = false)
class ProductionSizedPostgres {

  static final String SHARED_BUFFERS = "2GB";

  @Bean(destroyMethod = "close")
  io.zonky.test.db.postgres.embedded.EmbeddedPostgres productionSizedPostgresServer() throws IOException {
    return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setRegisterShutdownHook(false)
        .setServerConfig("shared_buffers", SHARED_BUFFERS).start();
  }

  @Bean
  @Primary
  DataSource productionSizedPostgresDataSource(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    return server.getPostgresDatabase();
  }
}
