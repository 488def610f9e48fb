package org.obtainingwater.scorecard;

/** A query parameter of the scorecard API that cannot be meant as given; answered 400 naming it. */
public class ScorecardParameterException extends RuntimeException {

  private final String parameter;

  ScorecardParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
