package org.obtainingwater.adapters;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile the application does not start while a port is on its {@code recording} stand-in (which
 * sends nothing and files nothing, silently), unless {@value #ALLOW} names that port, or is {@code true} for all
 * (docs/adr/0034). Checked before any bean is made (a bean factory post-processor), so nothing has started: no engine,
 * no job executor, no web server. {@link RecordingAdaptersFailureAnalyzer} prints which port and which property.
 */
@Component
@Profile("!demo")
class RecordingAdaptersCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  static final String PREFIX = "obtaining-water.adapters.";
  /**
   * The explicit permission to keep recording stand-ins outside the demo profile: port names (comma-separated), or
   * {@code true} for every port (a test or training system without the outside systems).
   */
  static final String ALLOW = PREFIX + "allow-recording";
  /** Every port and the adapter it has besides {@code recording}. */
  static final List<Port> PORTS = List.of(
      new Port("sms-gateway", "aliyun"),
      new Port("permit-authority", "http"),
      new Port("billing", "http"),
      new Port("supervisor-notifier", "sms"),
      new Port("payment-gateway", "http"));

  /** A port: its property is {@code obtaining-water.adapters.<name>}. */
  record Port(String name, String realAdapter) {

    String property() {
      return PREFIX + name;
    }
  }

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    Set<String> allowed = Arrays.stream(environment.getProperty(ALLOW, "").split(","))
        .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    List<Port> recording = PORTS.stream()
        .filter(port -> "recording".equals(environment.getProperty(port.property(), "recording").strip()))
        .filter(port -> !allowed.contains("true") && !allowed.contains(port.name()))
        .toList();
    if (!recording.isEmpty()) {
      throw new RecordingAdaptersRefusedException(recording);
    }
  }

  /** The start refused: these ports would only record. */
  static class RecordingAdaptersRefusedException extends IllegalStateException {

    private final transient List<Port> ports;

    RecordingAdaptersRefusedException(List<Port> ports) {
      super("Outside the demo profile these ports are on their recording stand-in, which sends nothing: "
          + String.join(", ", ports.stream().map(Port::property).toList()) + ". Choose a real adapter, or name the port in "
          + ALLOW + " (true: every port) to run without it on purpose.");
      this.ports = List.copyOf(ports);
    }

    List<Port> ports() {
      return ports;
    }
  }
}
