package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.engine.ResourceDeployment;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.process.PreEngagementProcess;
import org.obtainingwater.process.ProcessVariable;
import org.obtainingwater.process.TaskInputCheck;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.staff.StaffGroup;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.Diagrams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The diagram as analysts edit it, checked against what code, forms and the engine rely on:
 * every user task has a deployed form and a staff group, every service task a delegate bean,
 * ids follow the convention, every element is drawn without overlaps, conditions name only
 * known variables.
 */
@AppOnH2
class ProcessModelTests {

  private static final Pattern ID = Pattern.compile("^[a-z][A-Za-z]*_[a-z][A-Za-z0-9]*$|^Message_[A-Z][A-Za-z0-9]*$");
  private static final Pattern WORKING_DAYS = Pattern.compile("^P(\\d+)D$");
  private static final Pattern STAGE_DUE_DATE = Pattern.compile("^\\$\\{stageTargets\\.dueIn\\('([A-Z_]+)'(, execution)?\\)}$");
  private static final Pattern CJK = Pattern.compile(".*\\p{IsHan}.*");

  /** Every diagram the checks below run on, with the counts that make a removed task or delegate show. */
  enum Diagram {
    OBTAINING_WATER(Diagrams.OBTAINING_WATER, ObtainingWaterProcess.PROCESS_KEY, ObtainingWaterProcess.class, 14, 21),
    PRE_ENGAGEMENT(Diagrams.PRE_ENGAGEMENT, PreEngagementProcess.PROCESS_KEY, PreEngagementProcess.class, 5, 1);

    final Path file;
    final String processKey;
    final Class<?> backing;
    final int userTasks;
    final int automatedTasks;
    final BpmnModelInstance model;

    Diagram(Path file, String processKey, Class<?> backing, int userTasks, int automatedTasks) {
      this.file = file;
      this.processKey = processKey;
      this.backing = backing;
      this.userTasks = userTasks;
      this.automatedTasks = automatedTasks;
      this.model = Diagrams.read(file);
    }

    Process process() {
      return model.getModelElementById(processKey);
    }
  }

  /** obtainingWater, for the checks only it needs (send tasks, the withdrawal message). */
  static BpmnModelInstance model;

  @Autowired
  ApplicationContext context;
  @Autowired
  ProcessEngine engine;
  @Autowired
  StageTargets stageTargets;

  @BeforeAll
  static void readDiagram() {
    model = Diagram.OBTAINING_WATER.model;
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void processIsVersionedAndKeepsItsHistoryForFiveYears(Diagram diagram) {
    Process process = diagram.process();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaVersionTag()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void everyUserTask_hasAStaffGroup_aDueDate_anInputCheck_andADeployedFormOfItsOwnDeployment(Diagram diagram)
      throws IOException {
    BpmnModelInstance model = diagram.model;
    Map<String, JsonNode> deployedForms = deployedForms(diagram.processKey);
    Set<String> groups = Arrays.stream(StaffGroup.values()).map(StaffGroup::id).collect(Collectors.toSet());

    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).hasSize(diagram.userTasks);
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaCandidateGroupsList()).as(task.getId()).hasSize(1).allMatch(groups::contains);
      if (diagram == Diagram.OBTAINING_WATER && ObtainingWaterProcess.UserTasks.CUSTOMER_WAITS.contains(task.getId())) {
        // the customer's time (docs/adr/0045): nothing is due, nothing escalates
        assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNull();
      } else if (diagram == Diagram.OBTAINING_WATER) {
        Matcher dueDate = STAGE_DUE_DATE.matcher(String.valueOf(task.getCamundaDueDate()));
        assertThat(dueDate.matches()).as(task.getId() + " due date " + task.getCamundaDueDate()).isTrue();
        assertThat(stageTargets.targetWorkingDays(Stage.valueOf(dueDate.group(1)))).as(task.getId() + " target").isPresent();
      } else {
        // 提前办 is before the case's stages: working time (P5D), or a date the process computed (the expected application date).
        assertThat(task.getCamundaDueDate()).as(task.getId()).matches("P\\d+D|\\$\\{[a-z][A-Za-z]*}");
      }
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      assertThat(deployedForms).as(task.getId() + " form").containsKey(task.getCamundaFormRef());
      assertThat(beansOf(task, ExecutionListener.class)).as(task.getId() + " input check")
          .singleElement().isInstanceOf(TaskInputCheck.class);
    }
    for (StartEvent start : diagram.process().getChildElementsByType(StartEvent.class)) {
      assertThat(deployedForms).as(start.getId() + " form").containsKey(start.getCamundaFormRef());
      assertThat(start.getCamundaFormRefBinding()).as(start.getId()).isEqualTo("deployment");
    }
  }

  @Test
  void everyUserTask_isEscalatedWhenItsDueDatePasses_byOneNonInterruptingTimerOfTheSameDuration() {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      if (ObtainingWaterProcess.UserTasks.CUSTOMER_WAITS.contains(task.getId())) {
        assertThat(model.getModelElementsByType(BoundaryEvent.class)).as(task.getId() + " waits for the customer: no timer")
            .noneMatch(event -> event.getAttachedTo() == task);
        continue;
      }
      BoundaryEvent timer = singleEscalationTimer(task);
      assertThat(timer.getChildElementsByType(TimerEventDefinition.class).iterator().next().getTimeDuration()
          .getTextContent()).as(timer.getId() + " duration").isEqualTo(task.getCamundaDueDate());
    }
  }

  @Test
  void everyPermit_isEscalatedWhenThePermitStageTargetPasses_loopsIncluded() {
    for (String permit : List.of(ObtainingWaterProcess.Elements.ROAD_PERMIT, ObtainingWaterProcess.Elements.GREENERY_PERMIT)) {
      BoundaryEvent timer = singleEscalationTimer(model.getModelElementById(permit));
      assertThat(timer.getChildElementsByType(TimerEventDefinition.class).iterator().next().getTimeDuration()
          .getTextContent()).as(timer.getId() + " duration").isEqualTo("${stageTargets.dueIn('PERMITS')}");
    }
  }

  /**
   * The platform's permit decision is a message the permit waits for in a receive task; the only other timers of the
   * process are the fallbacks on those receive tasks (docs/adr/0041): interrupting, counting working days (an ISO
   * duration the working calendar counts, the number in the timer's name), leading to the permit agent's record task
   * of the same permit.
   */
  @Test
  void everyWaitForThePlatformsDecision_fallsBackToThePermitAgentsTask_afterWorkingDaysItsNameSays() {
    assertThat(model.getModelElementsByType(ReceiveTask.class)).extracting(ReceiveTask::getId).containsExactlyInAnyOrder(
        ObtainingWaterProcess.Elements.AWAIT_ROAD_PERMIT_DECISION, ObtainingWaterProcess.Elements.AWAIT_GREENERY_PERMIT_DECISION,
        ObtainingWaterProcess.Elements.AWAIT_QUOTE_ACCEPTANCE, ObtainingWaterProcess.Elements.AWAIT_PAYMENT,
        ObtainingWaterProcess.Elements.AWAIT_CREDIT_PAYMENT, ObtainingWaterProcess.Elements.AWAIT_CONTRACT_SIGNATURE);
    Collection<ReceiveTask> waits = model.getModelElementsByType(ReceiveTask.class).stream()
        .filter(wait -> PermitKind.awaitingAt(wait.getId()).isPresent()).toList();
    assertThat(waits).hasSize(2);
    for (ReceiveTask wait : waits) {
      PermitKind kind = PermitKind.awaitingAt(wait.getId()).orElseThrow();
      assertThat(wait.getMessage().getName()).as(wait.getId()).isEqualTo(kind.decisionMessage());
      List<BoundaryEvent> attached = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(event -> event.getAttachedTo() == wait).toList();
      assertThat(attached).as(wait.getId() + " boundary events").singleElement()
          .satisfies(timer -> assertThat(timer.cancelActivity()).as(timer.getId() + " ends the wait").isTrue());
      BoundaryEvent timer = attached.get(0);
      TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
      String duration = definition.getTimeDuration().getTextContent();
      Matcher days = WORKING_DAYS.matcher(duration);
      assertThat(days.matches()).as(timer.getId() + " counts whole working days: " + duration).isTrue();
      assertThat(timer.getName()).as(timer.getId() + " says how long").startsWith(days.group(1) + "个工作日");
      assertThat(timer.getOutgoing()).singleElement().extracting(flow -> flow.getTarget().getId())
          .isEqualTo(kind.decisionTask());
    }
  }

  /**
   * Quote and payment (docs/adr/0043): the acceptance is awaited without a timer (the customer decides, the case waits
   * in the customer's time); each payment wait has one non-interrupting reminder after the paymentTiming decision's
   * working days, which tells the customer and ends, while the wait goes on.
   */
  @Test
  void everyWaitForAPayment_remindsTheCustomerOnce_afterTheDecisionsWorkingDays_andKeepsWaiting() {
    ReceiveTask acceptance = model.getModelElementById(ObtainingWaterProcess.Elements.AWAIT_QUOTE_ACCEPTANCE);
    assertThat(acceptance.getMessage().getName()).isEqualTo(ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED);
    assertThat(model.getModelElementsByType(BoundaryEvent.class)).noneMatch(event -> event.getAttachedTo() == acceptance);
    for (String id : List.of(ObtainingWaterProcess.Elements.AWAIT_PAYMENT, ObtainingWaterProcess.Elements.AWAIT_CREDIT_PAYMENT)) {
      ReceiveTask wait = model.getModelElementById(id);
      assertThat(wait.getMessage().getName()).as(id).isEqualTo(ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED);
      List<BoundaryEvent> attached = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(event -> event.getAttachedTo() == wait).toList();
      assertThat(attached).as(id).singleElement().satisfies(timer -> {
        assertThat(timer.cancelActivity()).as(timer.getId() + " keeps the wait").isFalse();
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(definition.getTimeDuration().getTextContent()).isEqualTo("P${paymentDueDays}D");
        FlowNode reminder = timer.getOutgoing().iterator().next().getTarget();
        assertThat(reminder).isInstanceOf(SendTask.class);
        assertThat(reminder.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class)
            .singleResult().getCamundaInputParameters()).extracting(CamundaInputParameter::getTextContent)
            .contains("PAYMENT_REMINDER");
        assertThat(reminder.getOutgoing()).singleElement().extracting(flow -> flow.getTarget())
            .isInstanceOf(EndEvent.class);
      });
    }
  }

  /**
   * The supply contract after water-on (docs/adr/0046): the case waits for the signature beside the callback, reminds
   * the customer once after 2 working days while it keeps waiting, and after 5 hands the case to customer service's
   * follow-up task; the case closes only once that branch too has reached the closing join.
   */
  @Test
  void theWaitForTheContractSignature_remindsAfter2WorkingDays_andHandsToCustomerServiceAfter5() {
    ReceiveTask wait = model.getModelElementById(ObtainingWaterProcess.Elements.AWAIT_CONTRACT_SIGNATURE);
    assertThat(wait.getMessage().getName()).isEqualTo(ObtainingWaterProcess.MESSAGE_CONTRACT_SIGNED);
    BoundaryEvent reminder = model.getModelElementById(ObtainingWaterProcess.Elements.CONTRACT_SIGNING_REMINDER);
    BoundaryEvent unsigned = model.getModelElementById(ObtainingWaterProcess.Elements.CONTRACT_UNSIGNED);
    for (BoundaryEvent timer : List.of(reminder, unsigned)) {
      assertThat(timer.getAttachedTo()).isEqualTo(wait);
      String duration = ((TimerEventDefinition) timer.getEventDefinitions().iterator().next()).getTimeDuration()
          .getTextContent();
      Matcher days = WORKING_DAYS.matcher(duration);
      assertThat(days.matches()).as(timer.getId() + " counts whole working days: " + duration).isTrue();
      assertThat(timer.getName()).as(timer.getId() + " says how long").startsWith(days.group(1) + "个工作日");
    }
    assertThat(reminder.cancelActivity()).as("the reminder keeps the wait").isFalse();
    assertThat(reminder.getName()).startsWith("2个工作日");
    FlowNode remind = reminder.getOutgoing().iterator().next().getTarget();
    assertThat(remind.getId()).isEqualTo(ObtainingWaterProcess.Elements.REMIND_CONTRACT_SIGNING);
    assertThat(remind.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).singleResult()
        .getCamundaInputParameters()).extracting(CamundaInputParameter::getTextContent).contains("CONTRACT_SIGNING_REMINDER");
    assertThat(remind.getOutgoing()).singleElement().extracting(flow -> flow.getTarget()).isInstanceOf(EndEvent.class);
    assertThat(unsigned.cancelActivity()).as("customer service takes over the wait").isTrue();
    assertThat(unsigned.getName()).startsWith("5个工作日");
    assertThat(unsigned.getOutgoing()).singleElement().extracting(flow -> flow.getTarget().getId())
        .isEqualTo(ObtainingWaterProcess.UserTasks.FOLLOW_UP_CONTRACT_SIGNING);
    FlowNode join = model.getModelElementById("gateway_caseClosingJoin");
    assertThat(join).isInstanceOf(InclusiveGateway.class);
    FlowNode signedBranch = wait.getOutgoing().iterator().next().getTarget();
    assertThat(signedBranch.getOutgoing()).singleElement().extracting(flow -> flow.getTarget()).isEqualTo(join);
  }

  @Test
  void everyTimerOfTheProcess_isAnEscalation_endingAtA超期督办EndEvent() {
    Collection<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
        .filter(event -> !(event.getAttachedTo() instanceof ReceiveTask)).toList();
    // one per user task but the waits for the customer (docs/adr/0045), and one per permit sub-process
    assertThat(timers).hasSize(model.getModelElementsByType(UserTask.class).size()
        - ObtainingWaterProcess.UserTasks.CUSTOMER_WAITS.size() + 2);
    // The other boundary events end the work up to water-on: the withdrawal and the two refusals (docs/adr/0031),
    // the fallbacks after the platform's silence (docs/adr/0041) and the payment reminders (docs/adr/0043).
    assertThat(model.getModelElementsByType(BoundaryEvent.class)).filteredOn(event -> !timers.contains(event))
        .extracting(event -> event.getAttachedTo().getId() + ":" + event.getId()).containsExactlyInAnyOrder(
            "subProcess_connection:boundaryEvent_applicationWithdrawn",
            "subProcess_connection:boundaryEvent_applicationRejected",
            "subProcess_connection:boundaryEvent_connectionNotFeasible",
            "receiveTask_awaitRoadPermitDecision:boundaryEvent_roadPermitDecisionNotReceived",
            "receiveTask_awaitGreeneryPermitDecision:boundaryEvent_greeneryPermitDecisionNotReceived",
            "receiveTask_awaitPayment:boundaryEvent_paymentReminder",
            "receiveTask_awaitCreditPayment:boundaryEvent_creditPaymentOverdue",
            "receiveTask_awaitContractSignature:boundaryEvent_contractSigningReminder",
            "receiveTask_awaitContractSignature:boundaryEvent_contractUnsigned");
    for (BoundaryEvent timer : timers) {
      assertThat(timer.cancelActivity()).as(timer.getId() + " lets the work go on").isFalse();
      assertThat(timer.getEventDefinitions()).as(timer.getId()).singleElement().isInstanceOf(TimerEventDefinition.class);
      TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
      assertThat(definition.getTimeDate()).as(timer.getId() + " counts working time from the start").isNull();
      assertThat(definition.getTimeCycle()).as(timer.getId() + " fires once").isNull();
      Matcher stage = STAGE_DUE_DATE.matcher(definition.getTimeDuration().getTextContent());
      assertThat(stage.matches()).as(timer.getId() + " duration").isTrue();
      assertThat(stageTargets.targetWorkingDays(Stage.valueOf(stage.group(1)))).as(timer.getId() + " target").isPresent();
      assertThat(timer.getOutgoing()).as(timer.getId()).hasSize(1);
      FlowNode next = timer.getOutgoing().iterator().next().getTarget();
      assertThat(next).as(timer.getId() + " leads to").isInstanceOf(EndEvent.class);
      assertThat(next.getName()).isEqualTo("超期督办");
      assertThat(((EndEvent) next).getEventDefinitions()).singleElement().isInstanceOf(MessageEventDefinition.class);
      String delegate = ((MessageEventDefinition) ((EndEvent) next).getEventDefinitions().iterator().next())
          .getCamundaDelegateExpression();
      assertThat(delegate).as(next.getId()).isEqualTo("${escalateOverdueWorkDelegate}");
      assertThat(context.getBean("escalateOverdueWorkDelegate")).isInstanceOf(JavaDelegate.class);
      assertThat(next.getParentElement()).as(next.getId() + " in the timer's scope").isEqualTo(timer.getParentElement());
      // The delegate reads the stage from its element's input parameter, which must say what the timer counts.
      CamundaInputOutput io = next.getExtensionElements() == null ? null : next.getExtensionElements()
          .getElementsQuery().filterByType(CamundaInputOutput.class).singleResult();
      assertThat(io).as(next.getId() + " names its stage").isNotNull();
      assertThat(io.getCamundaInputParameters()).as(next.getId())
          // EscalateOverdueWorkDelegate.ESCALATED_STAGE
          .filteredOn(parameter -> "escalatedStage".equals(parameter.getCamundaName()))
          .singleElement().extracting(CamundaInputParameter::getTextContent).isEqualTo(stage.group(1));
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void everyStaffGroupKnowsTheUserTasksItWorks(Diagram diagram) {
    for (UserTask task : diagram.model.getModelElementsByType(UserTask.class)) {
      StaffGroup group = Arrays.stream(StaffGroup.values())
          .filter(candidate -> candidate.id().equals(task.getCamundaCandidateGroups())).findFirst().orElseThrow();
      assertThat(group.userTasks()).as(task.getId()).contains(task.getId());
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void everyServiceAndSendTask_resolvesToADelegateBean(Diagram diagram) {
    List<BaseElement> automated = new ArrayList<>();
    automated.addAll(diagram.model.getModelElementsByType(ServiceTask.class));
    automated.addAll(diagram.model.getModelElementsByType(SendTask.class));
    assertThat(automated).hasSize(diagram.automatedTasks);
    for (BaseElement task : automated) {
      String expression = task instanceof ServiceTask service ? service.getCamundaDelegateExpression()
          : ((SendTask) task).getCamundaDelegateExpression();
      String bean = Diagrams.beanNamedBy(expression);
      assertThat(bean).as(task.getId() + " delegate expression " + expression).isNotNull();
      assertThat(context.getBean(bean)).as(task.getId()).isInstanceOf(JavaDelegate.class);
    }
  }

  @Test
  void everySendTask_namesANoticeTheNotifierKnows() {
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      String notice = task.getExtensionElements().getElementsQuery().filterByType(
          org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
          .getCamundaInputParameters().stream().filter(parameter -> parameter.getCamundaName().equals("noticeType"))
          .map(CamundaInputParameter::getTextContent).findFirst().orElseThrow();
      assertThat(org.obtainingwater.notification.NoticeType.valueOf(notice)).as(task.getId()).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void everyBusinessRuleTask_callsADecisionDeployedWithTheProcess(Diagram diagram) {
    ProcessDefinition definition = latestDefinition(diagram.processKey);
    RepositoryService repository = engine.getRepositoryService();
    for (BusinessRuleTask task : diagram.model.getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(task.getCamundaDecisionRefBinding()).isEqualTo("deployment");
      assertThat(repository.createDecisionDefinitionQuery().deploymentId(definition.getDeploymentId())
          .decisionDefinitionKey(task.getCamundaDecisionRef()).count()).as(task.getId()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void elementIdsFollowTheConvention_andEveryElementIsNamedInChinese(Diagram diagram) {
    for (BaseElement element : diagram.model.getModelElementsByType(BaseElement.class)) {
      if (element instanceof FlowNode || element instanceof SequenceFlow || element instanceof Message) {
        assertThat(element.getId()).as("id").matches(ID);
        assertThat(element.getId()).as("id of " + element.getElementType().getTypeName())
            .startsWith(expectedPrefix(element));
      }
      if (element instanceof FlowNode node && !(node instanceof Gateway gateway && gateway.getOutgoing().size() == 1)) {
        assertThat(node.getName()).as(node.getId() + " name").isNotBlank().matches(CJK);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void everyGatewayWithChoices_labelsEachOutgoingFlow(Diagram diagram) {
    for (Gateway gateway : diagram.model.getModelElementsByType(Gateway.class)) {
      // a parallel fork chooses nothing: its flows carry no label (bpmnlint's superfluous-label)
      if (gateway.getOutgoing().size() > 1 && !(gateway instanceof org.camunda.bpm.model.bpmn.instance.ParallelGateway)) {
        assertThat(gateway.getOutgoing()).as(gateway.getId()).allSatisfy(flow ->
            assertThat(flow.getName()).as(flow.getId()).matches(CJK));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void conditionsOnlyNameVariablesTheProcessDefines(Diagram diagram) {
    Set<String> known = caseVariableNames();
    for (ConditionExpression condition : diagram.model.getModelElementsByType(ConditionExpression.class)) {
      // A variable some cases never have (paymentTiming: no quote, or a case migrated past the design) is read as
      // execution.getVariable('name'), which answers null instead of failing (docs/adr/0043); the name must be known.
      Matcher lenient = Pattern.compile("execution\\.getVariable\\('(\\w+)'\\)").matcher(condition.getTextContent());
      while (lenient.find()) {
        assertThat(known).as("variable in " + condition.getTextContent()).contains(lenient.group(1));
      }
      String text = condition.getTextContent().replaceAll("execution\\.getVariable\\('\\w+'\\)", "")
          .replaceAll("'[^']*'", "");
      Matcher identifier = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*").matcher(text);
      while (identifier.find()) {
        if (!Diagrams.EL_KEYWORDS.contains(identifier.group()) && !identifier.group().matches("\\d+")) {
          assertThat(known).as("variable in " + condition.getTextContent()).contains(identifier.group());
        }
      }
    }
  }

  @Test
  void everyFormFieldKey_isAProcessVariable_andDisplayFieldsAreDisabledNotReadonly() throws IOException {
    Set<String> known = caseVariableNames();
    for (Map.Entry<String, JsonNode> form : deployedForms(ObtainingWaterProcess.PROCESS_KEY).entrySet()) {
      for (JsonNode component : form.getValue().path("components")) {
        // form-js submits readonly fields: the value would be written back, racing parallel tasks.
        assertThat(component.has("readonly")).as(form.getKey() + " " + component.path("key").asText()
            + " is display-only: use disabled").isFalse();
        if (component.hasNonNull("key")) {
          assertThat(known).as(form.getKey() + " field").contains(component.get("key").asText());
        }
      }
    }
  }

  @Test
  void withdrawalMessageIsTheOneTheCodeCorrelates() {
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .contains(ObtainingWaterProcess.MESSAGE_APPLICATION_WITHDRAWN);
  }

  @Test
  void customerAppliedMessageIsTheOneTheLinkCorrelates() {
    assertThat(Diagram.PRE_ENGAGEMENT.model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .containsExactly(PreEngagementProcess.MESSAGE_CUSTOMER_APPLIED);
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void theIdsCodeNamesExistInTheDiagram(Diagram diagram) throws IllegalAccessException {
    for (Class<?> holder : diagram.backing.getDeclaredClasses()) {
      for (Field field : holder.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          assertThat((Object) diagram.model.getModelElementById((String) field.get(null))).as(field.getName()).isNotNull();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Diagram.class)
  void everyElementIsDrawn_andNoTwoShapesOverlap(Diagram diagram) {
    BpmnModelInstance model = diagram.model;
    Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), BpmnShape::getBounds));
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as("shape of " + node.getId()).containsKey(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("edge of " + flow.getId()).contains(flow.getId());
    }
    List<FlowNode> nodes = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        FlowNode a = nodes.get(i);
        FlowNode b = nodes.get(j);
        if (contains(a, b) || contains(b, a) || attached(a, b) || attached(b, a)) {
          continue;
        }
        assertThat(overlap(shapes.get(a.getId()), shapes.get(b.getId()))).as(a.getId() + " overlaps " + b.getId())
            .isFalse();
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------

  private static BoundaryEvent singleEscalationTimer(org.camunda.bpm.model.bpmn.instance.Activity activity) {
    List<BoundaryEvent> attached = model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() == activity).toList();
    assertThat(attached).as(activity.getId() + " boundary events").hasSize(1);
    assertThat(attached.get(0).getEventDefinitions()).as(attached.get(0).getId()).singleElement()
        .isInstanceOf(TimerEventDefinition.class);
    assertThat(attached.get(0).cancelActivity()).as(attached.get(0).getId() + " interrupts").isFalse();
    return attached.get(0);
  }

  private ProcessDefinition latestDefinition(String processKey) {
    return engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
  }

  /** Form id to form JSON, for the forms in the latest process definition's deployment. */
  private Map<String, JsonNode> deployedForms(String processKey) throws IOException {
    ProcessDefinition definition = latestDefinition(processKey);
    RepositoryService repository = engine.getRepositoryService();
    assertThat(repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getName())
        .isEqualTo(ResourceDeployment.DEPLOYMENT_NAME);
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> forms = new java.util.HashMap<>();
    for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
      if (resource.endsWith(".form")) {
        JsonNode form = json.readTree(repository.getResourceAsStream(definition.getDeploymentId(), resource));
        forms.put(form.get("id").asText(), form);
      }
    }
    return forms;
  }

  private <T> List<T> beansOf(UserTask task, Class<T> type) {
    List<T> beans = new ArrayList<>();
    if (task.getExtensionElements() == null) {
      return beans;
    }
    for (CamundaExecutionListener listener : task.getExtensionElements().getElementsQuery()
        .filterByType(CamundaExecutionListener.class).list()) {
      String bean = Diagrams.beanNamedBy(listener.getCamundaDelegateExpression());
      assertThat(bean).as(task.getId() + " listener").isNotNull();
      beans.add(context.getBean(bean, type));
    }
    return beans;
  }

  private static Set<String> caseVariableNames() {
    Set<String> names = new HashSet<>();
    for (Field field : CaseVariables.class.getFields()) {
      if (field.getType() == ProcessVariable.class) {
        try {
          names.add(((ProcessVariable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static String expectedPrefix(BaseElement element) {
    if (element instanceof SequenceFlow) {
      return "flow_";
    }
    if (element instanceof Gateway) {
      return "gateway_";
    }
    if (element instanceof Message) {
      return "Message_";
    }
    if (element instanceof EndEvent) {
      return "endEvent_";
    }
    String type = element.getElementType().getTypeName();
    return type + "_";
  }

  /** The element lies inside the sub-process, at any depth. */
  private static boolean contains(FlowNode container, FlowNode element) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == container) {
        return container instanceof SubProcess;
      }
    }
    return false;
  }

  /** A boundary event sits on the border of the activity it is attached to. */
  private static boolean attached(FlowNode event, FlowNode activity) {
    return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == activity;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
