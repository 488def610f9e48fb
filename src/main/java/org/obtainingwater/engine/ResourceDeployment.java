package org.obtainingwater.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams, decision tables and forms from {@code bpmn/} and {@code forms/} as one
 * deployment named {@value #DEPLOYMENT_NAME}, replacing the starter's default.
 *
 * <ul>
 *   <li>Resources are named by their path on the classpath ({@code bpmn/obtaining-water.bpmn}), the
 *   same from {@code mvn spring-boot:run}, {@code java -jar} and any checkout directory; the
 *   starter would use absolute file paths and redeploy whenever the path changes.</li>
 *   <li>Duplicate filtering: at start-up nothing is deployed unless a resource changed. When one
 *   changes, all are deployed together, so each process version is bound ({@code formRefBinding}
 *   and {@code decisionRefBinding} = deployment) to exactly the forms and decisions it shipped
 *   with, and running cases keep theirs. See docs/adr/0001-deployment.md.</li>
 * </ul>
 */
@Component
public class ResourceDeployment extends AbstractCamundaConfiguration implements CamundaDeploymentConfiguration {

  public static final String DEPLOYMENT_NAME = "obtaining-water";

  /** Folders on the classpath (from the project's top-level folders) and what they hold. */
  static final List<String> PATTERNS = List.of(
      "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form");

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setDeploymentResources(getDeploymentResources().toArray(Resource[]::new));
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    configuration.setDeployChangedOnly(false);
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Set<Resource> resources = new LinkedHashSet<>();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
        for (Resource resource : resolver.getResources(pattern)) {
          resources.add(new NamedResource(resource, nameWithin(resource, folder)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the process resources", e);
    }
    return resources;
  }

  /** {@code .../classes/bpmn/x.bpmn} or {@code jar:...!/BOOT-INF/classes/!/bpmn/x.bpmn} become {@code bpmn/x.bpmn}. */
  static String nameWithin(Resource resource, String folder) throws IOException {
    String url = resource.getURL().toString();
    int start = url.lastIndexOf("/" + folder);
    if (start < 0) {
      throw new IllegalStateException("Resource " + url + " is not under " + folder);
    }
    return url.substring(start + 1);
  }

  /** A resource the engine's Spring auto-deployment names by {@link #getPathWithinContext()}. */
  static final class NamedResource extends UrlResource implements ContextResource {

    private final String name;

    NamedResource(Resource resource, String name) throws IOException {
      super(resource.getURL());
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NamedResource named && named.name.equals(name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
