package org.obtainingwater.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.AppOnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/** How bpmn/ and forms/ reach the engine: stable names, nothing redeployed unless changed. */
@AppOnH2
class ResourceDeploymentTests {

  @Autowired
  ProcessEngine engine;
  @Autowired
  SpringProcessEngineConfiguration configuration;

  @Test
  void resourcesAreNamedByTheirPathOnTheClasspath_fromAFolderOrAJar() throws IOException {
    assertThat(ResourceDeployment.nameWithin(new FileSystemResource("/home/li/bpmn/target/classes/bpmn/x.bpmn"), "bpmn/"))
        .isEqualTo("bpmn/x.bpmn");
    assertThat(ResourceDeployment.nameWithin(
        new UrlResource("jar:file:/srv/app.jar!/BOOT-INF/classes!/forms/intake.form"), "forms/"))
        .isEqualTo("forms/intake.form");
  }

  @Test
  void oneDeploymentHoldsTheProcessItsDecisionsAndItsForms() {
    Deployment deployment = latestDeployment();
    assertThat(repository().getDeploymentResourceNames(deployment.getId())).contains(
        "bpmn/obtaining-water.bpmn", "bpmn/meter-size.dmn", "bpmn/connection-fee.dmn", "bpmn/required-permits.dmn",
        "bpmn/payment-timing.dmn",
        "forms/application.form", "forms/intake.form", "forms/survey.form", "forms/design.form",
        "forms/permit-decision.form", "forms/permit-revision.form", "forms/construction.form",
        "forms/metering.form", "forms/callback.form", "forms/rectification.form");
  }

  @Test
  void restartingWithUnchangedResources_deploysNothing() throws Exception {
    deployAgain(configuration.getDeploymentResources());
    long before = deploymentCount();

    deployAgain(configuration.getDeploymentResources());

    assertThat(deploymentCount()).isEqualTo(before);
  }

  @Test
  void aChangedDiagram_deploysTheWholeSetTogether_asANewProcessVersion(@TempDir Path folder) throws Exception {
    Resource[] original = configuration.getDeploymentResources();
    ProcessDefinition before = latestDefinition();
    Resource[] changed = Arrays.stream(original).map(resource -> replaceDiagram(resource, folder)).toArray(Resource[]::new);

    deployAgain(changed);

    ProcessDefinition after = latestDefinition();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    List<String> resources = repository().getDeploymentResourceNames(after.getDeploymentId());
    assertThat(resources).hasSize(original.length).contains("forms/intake.form", "bpmn/meter-size.dmn");

    deployAgain(changed);
    assertThat(latestDefinition().getVersion()).as("the change is deployed once").isEqualTo(after.getVersion());

    deployAgain(original);
    assertThat(latestDefinition().getVersion()).as("going back is a change too").isEqualTo(after.getVersion() + 1);
  }

  private Resource replaceDiagram(Resource resource, Path folder) {
    if (!((ResourceDeployment.NamedResource) resource).getPathWithinContext().equals("bpmn/obtaining-water.bpmn")) {
      return resource;
    }
    try {
      String diagram = resource.getContentAsString(StandardCharsets.UTF_8)
          .replace("name=\"受理审核\"", "name=\"受理审核（改）\"");
      Path copy = Files.writeString(folder.resolve("obtaining-water.bpmn"), diagram);
      return new ResourceDeployment.NamedResource(new FileSystemResource(copy), "bpmn/obtaining-water.bpmn");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the engine does at start-up with the configured resources. */
  private void deployAgain(Resource[] resources) throws Exception {
    Resource[] configured = configuration.getDeploymentResources();
    configuration.setDeploymentResources(resources);
    try {
      Method autoDeploy = SpringTransactionsProcessEngineConfiguration.class
          .getDeclaredMethod("autoDeployResources", ProcessEngine.class);
      autoDeploy.setAccessible(true);
      autoDeploy.invoke(configuration, engine);
    } finally {
      configuration.setDeploymentResources(configured);
    }
  }

  private long deploymentCount() {
    return repository().createDeploymentQuery().deploymentName(ResourceDeployment.DEPLOYMENT_NAME).count();
  }

  private Deployment latestDeployment() {
    return repository().createDeploymentQuery().deploymentId(latestDefinition().getDeploymentId()).singleResult();
  }

  private ProcessDefinition latestDefinition() {
    return repository().createProcessDefinitionQuery().processDefinitionKey(ObtainingWaterProcess.PROCESS_KEY)
        .latestVersion().singleResult();
  }

  private RepositoryService repository() {
    return engine.getRepositoryService();
  }
}
