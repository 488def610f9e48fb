package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.ProcessVariable;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.Diagrams;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The guard analysts rely on when they edit any diagram in {@code bpmn/} (every file, so a new
 * process is covered the day it is added): forms deployed with their process, every variable a
 * condition, a delegate or a decision table reads is written before it is read (by a form field, a
 * delegate, a decision's result or an input/output mapping on the way there), decision results the
 * diagram maps exist in the table, and every message name code, tests or docs correlate exists in a
 * model. {@link ProcessModelTests} keeps the obtainingWater-specific checks.
 */
@AppOnH2
class ModelGuardTests {

  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern DECISION_RESULT = Pattern.compile("decisionResult\\.getSingleResult\\(\\)\\.(\\w+)");
  private static final Pattern VARIABLE_WRITE = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\.(?:set|setLocal)\\(");
  private static final Pattern VARIABLE_READ = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\.get\\(");
  private static final Pattern MESSAGE_NAME = Pattern.compile("\\bMessage_[A-Z][A-Za-z0-9]*\\b");
  private static final Pattern CORRELATED_LITERAL = Pattern.compile(
      "(?:createMessageCorrelation|correlateMessage)\\(\\s*\"([^\"]+)\"|\\\\?\"messageName\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)");
  /** What an expression may name besides variables: the language's words and the engine's own objects. */
  private static final Set<String> EL_WORDS = Stream.concat(Diagrams.EL_KEYWORDS.stream(),
      Stream.of("execution", "task", "decisionResult", "currentUser")).collect(Collectors.toUnmodifiableSet());

  static final Path FORMS = Path.of("forms");

  static Map<String, JsonNode> formsById;
  static Map<String, Decision> decisionsById;
  static Map<String, String> variableByConstant;

  @Autowired
  ApplicationContext context;
  @Autowired
  RepositoryService repository;

  static Stream<Path> diagrams() {
    return Diagrams.all().stream();
  }

  @BeforeAll
  static void readFormsDecisionsAndVariables() throws IOException {
    ObjectMapper json = new ObjectMapper();
    formsById = new HashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(file.toFile());
        formsById.put(form.get("id").asText(), form);
      }
    }
    decisionsById = new HashMap<>();
    for (Path file : Diagrams.decisionTables()) {
      DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
      dmn.getModelElementsByType(Decision.class).forEach(decision -> decisionsById.put(decision.getId(), decision));
    }
    variableByConstant = new HashMap<>();
    for (Field field : CaseVariables.class.getFields()) {
      if (field.getType() == ProcessVariable.class) {
        try {
          variableByConstant.put(field.getName(), ((ProcessVariable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Camunda Modeler picks its lint rules (camunda-compat for 7.24, as .bpmnlintrc) from these attributes. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyDiagramTellsCamundaModelerItRunsOnCamunda7_24(Path diagram) throws IOException {
    String definitions = Files.readString(diagram);
    assertThat(definitions).as(diagram.toString()).contains("modeler:executionPlatform=\"Camunda Platform\"")
        .containsPattern("modeler:executionPlatformVersion=\"7\\.24\\.\\d+\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyFormOfTheDiagram_isDeployedWithItsProcess_boundToThatDeployment(Path diagram) throws IOException {
    BpmnModelInstance model = Diagrams.read(diagram);
    for (Process process : executableProcesses(model)) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
          .latestVersion().singleResult();
      assertThat(definition).as("deployed process " + process.getId()).isNotNull();
      Set<String> deployedForms = new HashSet<>();
      for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
        if (resource.endsWith(".form")) {
          deployedForms.add(new ObjectMapper().readTree(repository.getResourceAsStream(definition.getDeploymentId(),
              resource)).get("id").asText());
        }
      }
      for (FlowNode node : flowNodesOf(model, process)) {
        String formRef = formRef(node);
        if (node instanceof UserTask) {
          assertThat(formRef).as(node.getId() + " has a Camunda Form").isNotBlank();
        }
        if (formRef != null) {
          assertThat(formBinding(node)).as(node.getId() + " formRefBinding").isEqualTo("deployment");
          assertThat(deployedForms).as(node.getId() + " form " + formRef + " deployed with " + process.getId())
              .contains(formRef);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyVariableAConditionReads_isWrittenOnTheWayToIt(Path diagram) {
    BpmnModelInstance model = Diagrams.read(diagram);
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() == null) {
        continue;
      }
      Set<String> available = writtenUpTo(flow.getSource());
      for (String variable : variablesIn(flow.getConditionExpression().getTextContent())) {
        assertThat(available).as(diagram + ": " + flow.getId() + " reads '" + variable + "' in "
            + flow.getConditionExpression().getTextContent() + ", but no form field, delegate, decision or mapping"
            + " before " + flow.getSource().getId() + " writes it").contains(variable);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyVariableADelegateOrDecisionTableRequires_isWrittenBeforeItRuns(Path diagram) {
    BpmnModelInstance model = Diagrams.read(diagram);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Set<String> required = new TreeSet<>();
      for (Class<?> bean : beanClasses(node)) {
        required.addAll(variablesMatching(VARIABLE_READ, bean));
      }
      if (node instanceof BusinessRuleTask task && task.getCamundaDecisionRef() != null) {
        Decision decision = decisionsById.get(task.getCamundaDecisionRef());
        assertThat(decision).as(node.getId() + " decision " + task.getCamundaDecisionRef() + " in bpmn/*.dmn").isNotNull();
        for (Input input : decision.getModelInstance().getModelElementsByType(Input.class)) {
          if (input.getParentElement().getParentElement() == decision) {
            required.addAll(variablesIn(input.getInputExpression().getText().getTextContent()));
          }
        }
      }
      if (required.isEmpty()) {
        continue;
      }
      Set<String> available = writtenUpTo(node);
      available.removeAll(writtenBy(node, false)); // what the node writes itself comes too late
      inputParameters(node).forEach(available::add); // its own input mapping is there before it runs
      for (String variable : required) {
        assertThat(available).as(diagram + ": " + node.getId() + " requires '" + variable
            + "', but no form field, delegate, decision or mapping before it writes it").contains(variable);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyDecisionResultTheDiagramMaps_isAnOutputOfTheDecisionTable(Path diagram) {
    BpmnModelInstance model = Diagrams.read(diagram);
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      Decision decision = decisionsById.get(task.getCamundaDecisionRef());
      assertThat(decision).as(task.getId() + " decision " + task.getCamundaDecisionRef()).isNotNull();
      Set<String> outputs = decision.getModelInstance().getModelElementsByType(Output.class).stream()
          .filter(output -> output.getParentElement().getParentElement() == decision).map(Output::getName)
          .collect(Collectors.toSet());
      for (CamundaOutputParameter parameter : task.getModelInstance().getModelElementsByType(CamundaOutputParameter.class)) {
        if (isInside(parameter, task)) {
          Matcher result = DECISION_RESULT.matcher(parameter.getTextContent());
          while (result.find()) {
            assertThat(outputs).as(task.getId() + " maps " + result.group(1) + " from " + decision.getId())
                .contains(result.group(1));
          }
        }
      }
    }
  }

  /**
   * A choice with no default flow stops the case with an incident when no condition holds (a value
   * nobody expected). Every exclusive gateway that chooses between two or more flows names its default,
   * or says in the extension property {@value #NO_DEFAULT_FLOW} why it has none (docs/analyst-guide.md).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyExclusiveChoice_hasADefaultFlow_orSaysWhyNot(Path diagram) {
    assertThat(choicesWithoutDefault(Diagrams.read(diagram))).as(diagram + ": exclusive gateways with two or more"
        + " outgoing flows, no default flow and no " + NO_DEFAULT_FLOW + " property giving the reason").isEmpty();
  }

  /** The guard itself: it finds a choice with no default and no reason, and accepts one with a reason. */
  @Test
  void theDefaultFlowGuard_failsOnAChoiceWithoutDefault_unlessTheGatewayGivesItsReason() {
    BpmnModelInstance withoutDefault = twoWayChoice();
    assertThat(choicesWithoutDefault(withoutDefault)).containsExactly("gateway_meterTested");

    BpmnModelInstance withDefault = twoWayChoice();
    ExclusiveGateway gateway = withDefault.getModelElementById("gateway_meterTested");
    gateway.setDefault(withDefault.getModelElementById("flow_meterFailed"));
    assertThat(choicesWithoutDefault(withDefault)).isEmpty();

    assertThat(choicesWithoutDefault(withReason(twoWayChoice(), " "))).as("a blank reason is no reason")
        .containsExactly("gateway_meterTested");
    assertThat(choicesWithoutDefault(withReason(twoWayChoice(), "两个结果同样常见，缺值必须由人处理"))).isEmpty();
  }

  /** The extension property that documents why an exclusive choice has no default flow. */
  static final String NO_DEFAULT_FLOW = "noDefaultFlowBecause";

  /** Ids of exclusive gateways with two or more outgoing flows, no default and no documented reason. */
  static List<String> choicesWithoutDefault(BpmnModelInstance model) {
    return model.getModelElementsByType(ExclusiveGateway.class).stream()
        .filter(gateway -> gateway.getOutgoing().size() >= 2 && gateway.getDefault() == null)
        .filter(gateway -> gateway.getExtensionElements() == null
            || gateway.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .noneMatch(property -> NO_DEFAULT_FLOW.equals(property.getCamundaName())
                    && property.getCamundaValue() != null && !property.getCamundaValue().isBlank()))
        .map(ExclusiveGateway::getId).sorted().toList();
  }

  private static BpmnModelInstance withReason(BpmnModelInstance model, String reason) {
    ExclusiveGateway gateway = model.getModelElementById("gateway_meterTested");
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(NO_DEFAULT_FLOW);
    property.setCamundaValue(reason);
    gateway.builder().addExtensionElement(model.newInstance(CamundaProperties.class));
    gateway.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
        .addChildElement(property);
    return model;
  }

  private static BpmnModelInstance twoWayChoice() {
    return Bpmn.createExecutableProcess("process_guardExample").startEvent("startEvent_meterFitted")
        .exclusiveGateway("gateway_meterTested")
        .sequenceFlowId("flow_meterPassed").condition("合格", "${meterTest == 'passed'}").endEvent("endEvent_waterOn")
        .moveToLastGateway()
        .sequenceFlowId("flow_meterFailed").condition("不合格", "${meterTest == 'failed'}").endEvent("endEvent_refitted")
        .done();
  }

  @Test
  void everyMessageNameCodeTestsOrDocsCorrelate_existsInAModel() throws Exception {
    Set<String> modelled = new TreeSet<>();
    for (Path diagram : diagrams().toList()) {
      Diagrams.read(diagram).getModelElementsByType(Message.class).stream().map(Message::getName)
          .forEach(modelled::add);
    }
    Map<String, String> correlated = new HashMap<>();
    for (Map.Entry<String, String> constant : messageConstants().entrySet()) {
      correlated.put(constant.getValue(), "constant " + constant.getKey());
    }
    List<Path> texts = new ArrayList<>(List.of(Path.of("README.md")));
    for (String root : List.of("src/main/java", "src/test/java", "docs")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        files.filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".md")).forEach(texts::add);
      }
    }
    for (Path text : texts) {
      String content = Files.readString(text);
      Matcher named = MESSAGE_NAME.matcher(content);
      while (named.find()) {
        correlated.putIfAbsent(named.group(), text.toString());
      }
      Matcher literal = CORRELATED_LITERAL.matcher(content);
      while (literal.find()) {
        correlated.putIfAbsent(literal.group(1) != null ? literal.group(1) : literal.group(2), text.toString());
      }
    }
    assertThat(correlated).as("message names found in code, tests and docs").isNotEmpty();
    correlated.forEach((name, where) ->
        assertThat(modelled).as("message " + name + " named in " + where + " exists in bpmn/*.bpmn").contains(name));
  }

  // --- what a diagram writes where --------------------------------------------------------

  /** Every variable written by the node itself or by anything that must have run before it. */
  private Set<String> writtenUpTo(FlowNode target) {
    Set<String> written = new TreeSet<>();
    Set<FlowNode> seen = new HashSet<>();
    Deque<FlowNode> pending = new ArrayDeque<>(List.of(target));
    while (!pending.isEmpty()) {
      FlowNode node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      written.addAll(writtenBy(node, true));
      node.getIncoming().forEach(flow -> pending.push(flow.getSource()));
      if (node instanceof BoundaryEvent boundary) {
        pending.push(boundary.getAttachedTo());
      }
      if (node instanceof SubProcess subProcess && node != target) {
        // Left through its end: everything inside may have run; its output mapping is in writtenBy.
        subProcess.getChildElementsByType(FlowNode.class).forEach(pending::push);
      }
      if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess parent) {
        if (parent.triggeredByEvent()) {
          // An event sub-process may start at any moment: only what the process starts with is certain.
          startEventsOf(parent.getParentElement()).forEach(pending::push);
        } else {
          pending.push(parent);
        }
      }
    }
    return written;
  }

  /** What one node writes: form fields, input/output mappings, its delegates' and listeners' writes. */
  private Set<String> writtenBy(FlowNode node, boolean withInputs) {
    Set<String> written = new TreeSet<>();
    String formRef = formRef(node);
    if (formRef != null && formsById.containsKey(formRef)) {
      for (JsonNode field : formsById.get(formRef).path("components")) {
        if (field.hasNonNull("key") && !field.path("disabled").asBoolean(false)) {
          written.add(field.get("key").asText());
        }
      }
    }
    node.getModelInstance().getModelElementsByType(CamundaOutputParameter.class).stream()
        .filter(parameter -> isDirectlyOn(parameter, node)).map(CamundaOutputParameter::getCamundaName)
        .forEach(written::add);
    if (withInputs) {
      written.addAll(inputParameters(node));
    }
    for (Class<?> bean : beanClasses(node)) {
      written.addAll(variablesMatching(VARIABLE_WRITE, bean));
    }
    return written;
  }

  private List<String> inputParameters(FlowNode node) {
    return node.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(parameter -> isDirectlyOn(parameter, node)).map(CamundaInputParameter::getCamundaName).toList();
  }

  /** The classes of the Spring beans a node calls: its delegate (a task's or a message event's) and its listeners. */
  private List<Class<?>> beanClasses(FlowNode node) {
    List<String> expressions = new ArrayList<>();
    if (node instanceof ServiceTask service) {
      expressions.add(service.getCamundaDelegateExpression());
    }
    if (node instanceof SendTask send) {
      expressions.add(send.getCamundaDelegateExpression());
    }
    if (node instanceof ThrowEvent thrown) {
      thrown.getEventDefinitions().stream().filter(MessageEventDefinition.class::isInstance)
          .forEach(message -> expressions.add(((MessageEventDefinition) message).getCamundaDelegateExpression()));
    }
    if (node.getExtensionElements() != null) {
      node.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
          .forEach(listener -> expressions.add(listener.getCamundaDelegateExpression()));
      node.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list()
          .forEach(listener -> expressions.add(listener.getCamundaDelegateExpression()));
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String expression : expressions) {
      String bean = Diagrams.beanNamedBy(expression);
      if (bean != null) {
        classes.add(AopUtils.getTargetClass(context.getBean(bean)));
      }
    }
    return classes;
  }

  /** Variable names behind {@code CONSTANT.set(} or {@code CONSTANT.get(} in a class's source. */
  private static Set<String> variablesMatching(Pattern pattern, Class<?> type) {
    Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
    try {
      Matcher use = pattern.matcher(Files.readString(source));
      Set<String> names = new TreeSet<>();
      while (use.find()) {
        if (variableByConstant.containsKey(use.group(1))) {
          names.add(variableByConstant.get(use.group(1)));
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("source of " + type.getName(), e);
    }
  }

  private static Set<String> variablesIn(String expression) {
    Set<String> names = new LinkedHashSet<>();
    Matcher identifier = IDENTIFIER.matcher(expression.replaceAll("'[^']*'|\"[^\"]*\"", ""));
    while (identifier.find()) {
      if (!EL_WORDS.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }

  /** Public String constants named MESSAGE_* in the application's classes. */
  private static Map<String, String> messageConstants() throws IOException, ClassNotFoundException {
    Map<String, String> constants = new HashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:org/obtainingwater/**/*.class")) {
      String url = resource.getURL().toString();
      String name = url.substring(url.lastIndexOf("org/obtainingwater/"), url.length() - ".class".length()).replace('/', '.');
      for (Field field : Class.forName(name, false, ModelGuardTests.class.getClassLoader()).getDeclaredFields()) {
        if (field.getName().startsWith("MESSAGE_") && field.getType() == String.class
            && Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())) {
          field.setAccessible(true);
          try {
            constants.put(name + "." + field.getName(), (String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return constants;
  }

  // --- model helpers -----------------------------------------------------------------------

  private static Collection<Process> executableProcesses(BpmnModelInstance model) {
    return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
  }

  private static List<FlowNode> flowNodesOf(BpmnModelInstance model, Process process) {
    return model.getModelElementsByType(FlowNode.class).stream().filter(node -> isInside(node, process)).toList();
  }

  private static List<StartEvent> startEventsOf(org.camunda.bpm.model.xml.instance.ModelElementInstance scope) {
    return scope.getChildElementsByType(StartEvent.class).stream().toList();
  }

  private static String formRef(FlowNode node) {
    if (node instanceof UserTask task) {
      return task.getCamundaFormRef();
    }
    return node instanceof StartEvent start ? start.getCamundaFormRef() : null;
  }

  private static String formBinding(FlowNode node) {
    return node instanceof UserTask task ? task.getCamundaFormRefBinding()
        : ((StartEvent) node).getCamundaFormRefBinding();
  }

  private static boolean isInside(org.camunda.bpm.model.xml.instance.ModelElementInstance element,
      org.camunda.bpm.model.xml.instance.ModelElementInstance container) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == container) {
        return true;
      }
    }
    return false;
  }

  /** A mapping on the node itself, not on an element nested inside it (a sub-process's tasks). */
  private static boolean isDirectlyOn(org.camunda.bpm.model.xml.instance.ModelElementInstance parameter, FlowNode node) {
    for (var parent = parameter.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent instanceof FlowNode owner) {
        return owner == node;
      }
    }
    return false;
  }
}
