package ai.boinc.transformers.testkit;

/** Malformed answers {@link LocalVault#fault(String, LocalVaultFault)} can give on a path. */
public enum LocalVaultFault {
  /** 200 with an HTML page instead of JSON, as a misconfigured proxy answers. */
  NOT_JSON,
  /** 200 with JSON that is not an object ({@code ["data"]}). */
  WRONG_SHAPE,
  /** 200 with the envelope but neither {@code data} nor {@code auth}. */
  MISSING_DATA,
  /** 200 with an empty body. */
  EMPTY_BODY,
  /** 200 with JSON cut off in the middle. */
  TRUNCATED
}
