package org.obtainingwater.api;

/** One field of a request that passed the annotations but not a rule across fields; answered 400. */
class InvalidFieldException extends RuntimeException {

  private final String field;

  InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
