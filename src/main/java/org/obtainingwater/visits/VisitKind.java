package org.obtainingwater.visits;

import static org.obtainingwater.process.CaseVariables.METER_VISIT;
import static org.obtainingwater.process.CaseVariables.SURVEY_VISIT;

import java.util.Arrays;
import java.util.Optional;

import org.obtainingwater.cases.Stage;
import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;
import org.obtainingwater.process.ProcessVariable;

/**
 * The visits a customer books (docs/adr/0042): each is made in one stage, by that stage's user task, and shown to
 * staff through one process variable. Bookable while the case is in the stage with its task open: the survey
 * once intake accepted the application, the meter installation once the case is ready for metering.
 */
public enum VisitKind {
  SURVEY("survey", "上门查勘", Stage.SURVEY, UserTasks.SURVEY_SITE, SURVEY_VISIT),
  METERING("metering", "上门装表", Stage.METERING, UserTasks.INSTALL_METER, METER_VISIT);

  private final String path;
  private final String label;
  private final Stage stage;
  private final String task;
  private final ProcessVariable<String> variable;

  VisitKind(String path, String label, Stage stage, String task, ProcessVariable<String> variable) {
    this.path = path;
    this.label = label;
    this.stage = stage;
    this.task = task;
    this.variable = variable;
  }

  /** As the API's path names it: {@code survey}, {@code metering}. */
  public String path() {
    return path;
  }

  public String label() {
    return label;
  }

  public Stage stage() {
    return stage;
  }

  /** The user task the visit is done in: its due date and overdue timer move by the customer's time. */
  public String task() {
    return task;
  }

  public ProcessVariable<String> variable() {
    return variable;
  }

  public static Optional<VisitKind> ofPath(String path) {
    return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
  }

  public static Optional<VisitKind> bookableIn(Stage stage) {
    return Arrays.stream(values()).filter(kind -> kind.stage == stage).findFirst();
  }
}
