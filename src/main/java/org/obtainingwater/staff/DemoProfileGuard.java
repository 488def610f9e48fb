package org.obtainingwater.staff;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo profile is the default, so that {@code mvn spring-boot:run} needs no settings. That must
 * not put demo users with a known password into a real database when a deployment sets the
 * datasource but forgets the profile: with demo active only by default, anything but the embedded
 * H2 stops the start. Choosing {@code postgres,demo} explicitly is allowed.
 */
public class DemoProfileGuard implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demoByDefault = environment.getActiveProfiles().length == 0
        && Arrays.asList(environment.getDefaultProfiles()).contains("demo");
    String url = environment.getProperty("spring.datasource.url", "");
    if (demoByDefault && !url.startsWith("jdbc:h2:")) {
      throw new IllegalStateException("The demo profile (demo users, known passwords) is only the default for the "
          + "embedded H2 database, not for " + url.replaceAll("\\?.*", "") + ". Set SPRING_PROFILES_ACTIVE: "
          + "'postgres' for production, 'postgres,demo' to try the demo users on PostgreSQL.");
    }
  }
}
