package ai.boinc.transformers.cli;

/** An input file of the command is malformed; the message names the file and line. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
