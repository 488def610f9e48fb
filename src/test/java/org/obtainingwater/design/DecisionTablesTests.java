package org.obtainingwater.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Boundary tests for the analysts' decision tables in {@code bpmn/} (DOMAIN.md, "Rules the analysts own").
 * Uses the standalone DMN engine, so no process engine or Spring context is started.
 */
class DecisionTablesTests {

  private static final String DMN13_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI13_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";

  private static DmnEngine dmnEngine;
  private static DmnDecision meterSize;
  private static DmnDecision connectionFee;
  private static DmnDecision requiredPermits;
  private static DmnDecision paymentTiming;

  @BeforeAll
  static void parseDecisions() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    meterSize = parse("bpmn/meter-size.dmn", "meterSize");
    connectionFee = parse("bpmn/connection-fee.dmn", "connectionFee");
    requiredPermits = parse("bpmn/required-permits.dmn", "requiredPermits");
    paymentTiming = parse("bpmn/payment-timing.dmn", "paymentTiming");
  }

  private static DmnDecision parse(String file, String decisionKey) throws IOException {
    try (InputStream in = new FileInputStream(file)) {
      return dmnEngine.parseDecision(decisionKey, in);
    }
  }

  private static DmnDecisionRuleResult evaluate(DmnDecision decision, VariableMap variables) {
    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, variables);
    // UNIQUE hit policy: exactly one rule must match for every valid input
    assertThat(result).hasSize(1);
    return result.getSingleResult();
  }

  // ---------------------------------------------------------------- 水表口径选型 (meterSize)

  @ParameterizedTest(name = "peak flow {0} m³/h -> DN{1}")
  @CsvSource({
    "0.1, 15",
    "2.5, 15",
    "2.51, 20",
    "4, 20",
    "4.01, 25",
    "6.3, 25",
    "6.31, 32",
    "10, 32",
    "10.01, 40",
    "16, 40",
    "16.01, 50",
    "25, 50",
    "25.01, 65",
    "40, 65",
    "40.01, 80",
    "63, 80",
    "63.01, 100",
    "100, 100",
    "100.01, 150",
    "250, 150",
    "250.01, 200",
    "400, 200",
    "400.1, 200",
    "2000, 200"
  })
  void meterIsTheSmallestWhosePermanentFlowCoversThePeak(double peakFlow, int expectedDn) {
    DmnDecisionRuleResult result = evaluate(meterSize,
      Variables.createVariables().putValue("peakFlow", peakFlow));

    assertThat((Integer) result.getEntry("recommendedMeterDn")).isEqualTo(expectedDn);
    assertThat((Boolean) result.getEntry("meterReviewRequired")).isEqualTo(peakFlow > 400);
  }

  @Test
  void wholeNumberPeakFlowFromAFormIsAcceptedToo() {
    // form-js number fields may submit a whole number, which Camunda stores as Long
    DmnDecisionRuleResult result = evaluate(meterSize,
      Variables.createVariables().putValue("peakFlow", 4L));

    assertThat((Integer) result.getEntry("recommendedMeterDn")).isEqualTo(20);
  }

  @Test
  void peakAbove400IsFlaggedForDesignReview() {
    DmnDecisionRuleResult beyond = evaluate(meterSize, Variables.createVariables().putValue("peakFlow", 400.1));
    DmnDecisionRuleResult largest = evaluate(meterSize, Variables.createVariables().putValue("peakFlow", 400.0));

    assertThat((Boolean) beyond.getEntry("meterReviewRequired")).isTrue();
    assertThat((Boolean) largest.getEntry("meterReviewRequired")).isFalse();
  }


  // ---------------------------------------------------------------- 接水费用规则 (connectionFee)

  @ParameterizedTest(name = "DN{0} is free")
  @ValueSource(ints = {15, 99})
  void supplyPipeBelowDn100IsFree(int supplyPipeDn) {
    DmnDecisionRuleResult result = evaluate(connectionFee, Variables.createVariables()
      .putValue("supplyPipeDn", supplyPipeDn)
      .putValue("inRedLineBudget", 86_000.0));

    assertThat((Boolean) result.getEntry("feeWaived")).isTrue();
    assertThat((Double) result.getEntry("customerFee")).isZero();
    assertThat((String) result.getEntry("feeBasis")).contains("小于 DN100").contains("零费用");
  }

  @ParameterizedTest(name = "DN{0} pays the in-red-line budget")
  @ValueSource(ints = {100, 150})
  void dn100PaysOnlyInsideTheRedLine(int supplyPipeDn) {
    DmnDecisionRuleResult result = evaluate(connectionFee, Variables.createVariables()
      .putValue("supplyPipeDn", supplyPipeDn)
      .putValue("inRedLineBudget", 86_000.5));

    assertThat((Boolean) result.getEntry("feeWaived")).isFalse();
    assertThat((Double) result.getEntry("customerFee")).isEqualTo(86_000.5);
    assertThat((String) result.getEntry("feeBasis"))
      .contains("DN100 及以上")
      .contains("红线内")
      .contains("红线外工程由水司承担");
  }

  @Test
  void wholeNumberBudgetFromAFormBecomesTheCustomerFee() {
    DmnDecisionRuleResult result = evaluate(connectionFee, Variables.createVariables()
      .putValue("supplyPipeDn", 200)
      .putValue("inRedLineBudget", 120_000L));

    assertThat((Double) result.getEntry("customerFee")).isEqualTo(120_000.0);
  }

  // ---------------------------------------------------------------- 付款时点规则 (paymentTiming, docs/adr/0043)

  @ParameterizedTest(name = "{1}, {0} yuan: credit (water first), due in 15 working days")
  @CsvSource({"0.01, commercial", "100000, commercial", "86000, industrial", "100000.0, industrial"})
  void businessesUpTo100000Yuan_getWaterFirst_andPayWithin15WorkingDays(double customerFee, String useType) {
    DmnDecisionRuleResult result = evaluate(paymentTiming, Variables.createVariables()
      .putValue("customerFee", customerFee).putValue("useType", useType));

    assertThat((String) result.getEntry("paymentTiming")).isEqualTo("afterWaterOn");
    assertThat((Integer) result.getEntry("paymentDueDays")).isEqualTo(15);
    assertThat((String) result.getEntry("paymentTimingBasis")).contains("信用报装").contains("15 个工作日");
  }

  @ParameterizedTest(name = "{1}, {0} yuan: pay before the works, within 5 working days")
  @CsvSource({"100000.01, commercial", "400000, industrial", "12000, residential", "500000, residential",
      "86000, construction", "86000, publicService"})
  void homesAndLargerBills_payBeforeTheWorks_within5WorkingDays(double customerFee, String useType) {
    DmnDecisionRuleResult result = evaluate(paymentTiming, Variables.createVariables()
      .putValue("customerFee", customerFee).putValue("useType", useType));

    assertThat((String) result.getEntry("paymentTiming")).isEqualTo("beforeWorks");
    assertThat((Integer) result.getEntry("paymentDueDays")).isEqualTo(5);
    assertThat((String) result.getEntry("paymentTimingBasis")).contains("先付款");
  }

  // ---------------------------------------------------------------- 代办许可判定 (requiredPermits)

  @ParameterizedTest(name = "road={0}, green belt={1} -> road permit {0}, greenery permit {1}")
  @CsvSource({
    "true, true",
    "true, false",
    "false, true",
    "false, false"
  })
  void roadPermitFollowsRoadAndGreeneryPermitFollowsGreenBelt(boolean crossesRoad, boolean crossesGreenBelt) {
    DmnDecisionRuleResult result = evaluate(requiredPermits, Variables.createVariables()
      .putValue("crossesRoad", crossesRoad)
      .putValue("crossesGreenBelt", crossesGreenBelt)
      .putValue("externalPipeLength", 80.0));

    assertThat((Boolean) result.getEntry("roadPermitRequired")).isEqualTo(crossesRoad);
    assertThat((Boolean) result.getEntry("greeneryPermitRequired")).isEqualTo(crossesGreenBelt);
  }

  @ParameterizedTest(name = "road={0}, green belt={1}, {2} m -> {3}")
  @CsvSource({
    "true,  true,  150,   filing",
    "true,  true,  150.1, permit",
    "true,  false, 150,   filing",
    "true,  false, 150.1, permit",
    "false, true,  150,   filing",
    "false, true,  150.1, permit",
    "false, false, 150,   filing",
    "false, false, 150.1, permit",
    "true,  false, 0.5,   filing",
    "true,  false, 5000,  permit"
  })
  void worksUpTo150MetresAreFiledLongerOnesNeedAPermit(boolean crossesRoad, boolean crossesGreenBelt,
                             double externalPipeLength, String expectedProcedure) {
    DmnDecisionRuleResult result = evaluate(requiredPermits, Variables.createVariables()
      .putValue("crossesRoad", crossesRoad)
      .putValue("crossesGreenBelt", crossesGreenBelt)
      .putValue("externalPipeLength", externalPipeLength));

    assertThat((String) result.getEntry("permitProcedure")).isEqualTo(expectedProcedure);
    assertThat((Boolean) result.getEntry("roadPermitRequired")).isEqualTo(crossesRoad);
    assertThat((Boolean) result.getEntry("greeneryPermitRequired")).isEqualTo(crossesGreenBelt);
  }

  // ---------------------------------------------------------------- deployability

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bpmn/meter-size.dmn", "bpmn/connection-fee.dmn", "bpmn/required-permits.dmn",
      "bpmn/payment-timing.dmn"})
  void everyDecisionCarriesHistoryTimeToLiveSoCamundaWillDeployIt(String file) throws Exception {
    // Camunda 7.20+ refuses to deploy a decision without historyTimeToLive (enforceHistoryTimeToLive)
    Document xml = readXml(file);
    NodeList decisions = xml.getElementsByTagNameNS(DMN13_NS, "decision");
    assertThat(decisions.getLength()).as("DMN 1.3 decisions in %s", file).isPositive();

    List<String> shapeRefs = new ArrayList<>();
    NodeList shapes = xml.getElementsByTagNameNS(DMNDI13_NS, "DMNShape");
    for (int i = 0; i < shapes.getLength(); i++) {
      shapeRefs.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
    }

    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      String id = decision.getAttribute("id");
      assertThat(decision.getAttributeNS(CAMUNDA_NS, "historyTimeToLive"))
        .as("camunda:historyTimeToLive of decision %s", id)
        .isEqualTo("1825");
      assertThat(shapeRefs).as("DRD shape for decision %s", id).contains(id);

      NodeList tables = decision.getElementsByTagNameNS(DMN13_NS, "decisionTable");
      assertThat(tables.getLength()).isEqualTo(1);
      assertThat(((Element) tables.item(0)).getAttribute("hitPolicy")).isEqualTo("UNIQUE");
    }
  }

  private static Document readXml(String file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = new FileInputStream(file)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static String firstChildText(Element parent, String localName) {
    NodeList children = parent.getElementsByTagNameNS(DMN13_NS, localName);
    return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
  }
}
