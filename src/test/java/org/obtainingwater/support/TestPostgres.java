package org.obtainingwater.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Every embedded PostgreSQL of the tests and benchmarks is started here: a real server from the
 * binaries in the zonky Maven artifact, no server to install. The settings have names, so a test says
 * what it needs (durable commits, sized buffers, a data directory kept for a restart, a fixed port)
 * and the log says what it got, one line per server started:
 * {@code Embedded PostgreSQL started on port N (settings: ...)}.
 *
 * <p>No JVM shutdown hook is registered (STACK.md): whoever starts a server closes it, a Spring
 * context as a bean ({@code destroyMethod = "close"}, {@link TestPostgresConfiguration}) so the engine
 * keeps its connections until the context is gone, a plain test in its {@code @AfterAll}.
 */
public final class TestPostgres {

  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

  private final List<String> names = new ArrayList<>();
  private final Map<String, String> serverConfig = new LinkedHashMap<>();
  private Path dataDirectory;
  private Integer port;

  private TestPostgres() {
  }

  /**
   * zonky's settings for tests: commits do not wait for the disk ({@code fsync} off, {@code synchronous_commit}
   * off), PostgreSQL's own 128 MB of shared buffers, a fresh data directory, a free port.
   */
  public static TestPostgres testDefault() {
    return new TestPostgres();
  }

  /** Every commit waits for its WAL flush ({@code fsync=on}, {@code synchronous_commit=on}), as on the utility's server. */
  public TestPostgres durableCommits() {
    names.add("durable commits");
    serverConfig.put("fsync", "on");
    serverConfig.put("synchronous_commit", "on");
    return this;
  }

  /** The buffer cache sized as a production server's would be, e.g. {@code 2GB}. */
  public TestPostgres sharedBuffers(String size) {
    names.add("shared_buffers " + size);
    serverConfig.put("shared_buffers", size);
    return this;
  }

  /** The data directory is this folder and is kept: a server started again on it finds the data of the last one. */
  public TestPostgres keptDataDirectory(Path directory) {
    names.add("data directory kept in " + directory);
    dataDirectory = directory;
    return this;
  }

  /** This port instead of a free one, e.g. so a restarted server is found where the application looks. */
  public TestPostgres fixedPort(int fixed) {
    names.add("fixed port");
    port = fixed;
    return this;
  }

  /** Any other server setting ({@code postgresql.conf} name and value). */
  public TestPostgres setting(String name, String value) {
    names.add(name + "=" + value);
    serverConfig.put(name, value);
    return this;
  }

  public EmbeddedPostgres start() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
    serverConfig.forEach(builder::setServerConfig);
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    if (port != null) {
      builder.setPort(port);
    }
    EmbeddedPostgres server = builder.start();
    LOG.info("Embedded PostgreSQL started on port {} (settings: {})", server.getPort(), description());
    return server;
  }

  private String description() {
    return names.isEmpty() ? "test default" : "test default, " + String.join(", ", names);
  }
}
