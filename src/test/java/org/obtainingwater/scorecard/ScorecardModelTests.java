package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.obtainingwater.support.Diagrams;

/** What the scorecard relies on in the diagram and how it computes its statistics, without an engine. */
class ScorecardModelTests {

  @ParameterizedTest
  @EnumSource(CustomerProcedure.class)
  void everyCustomerProcedure_isAnElementOfTheDiagram(CustomerProcedure procedure) throws Exception {
    BpmnModelInstance model = Diagrams.obtainingWater();
    assertThat(model.<FlowNode>getModelElementById(procedure.elementId())).as(procedure.elementId()).isNotNull();
  }

  @Test
  void percentiles_interpolateBetweenRanks_asExcelsPercentileInc() {
    // =PERCENTILE.INC({1,2,3,4,10}, 0.9) is 7.6; the median of an even count is the mean of the middle two
    assertThat(Figure.of(new double[] {10, 1, 3, 2, 4})).isEqualTo(new Figure(5, 3.0, 7.6, 4.0, 10.0));
    assertThat(Figure.of(new double[] {2, 1, 4, 3})).isEqualTo(new Figure(4, 2.5, 3.7, 2.5, 4.0));
    assertThat(Figure.of(new double[] {0.5})).isEqualTo(new Figure(1, 0.5, 0.5, 0.5, 0.5));
    assertThat(Figure.of(new double[0])).isEqualTo(new Figure(0, null, null, null, null));
  }

  @Test
  void shares_areRoundedToFourDecimals_andNullWithoutCases() {
    assertThat(Share.of(3, 2).share()).isEqualTo(0.6667);
    assertThat(Share.of(0, 0).share()).isNull();
  }
}
