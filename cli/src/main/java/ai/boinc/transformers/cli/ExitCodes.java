package ai.boinc.transformers.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of {@code ba}; scripts can tell failures apart by them. */
public final class ExitCodes {
  public static final int OK = 0;
  /** An unexpected failure; {@code --verbose} shows the stack trace. */
  public static final int INTERNAL = 1;
  /** The command line was wrong: an unknown option, a bad repository id or revision (picocli's convention). */
  public static final int USAGE = 2;
  /** Authentication or authorisation failed: no token, a rejected token, a gated repository. */
  public static final int AUTH = 3;
  /** A repository, revision or file does not exist (remotely or locally). */
  public static final int NOT_FOUND = 4;
  /** The hub could not be reached, or offline mode lacks a cached file. */
  public static final int NETWORK = 5;
  /** An input file is malformed: tokenizer.json, a JSONL line. */
  public static final int BAD_INPUT = 6;
  /** The local cache, the token file or an output file could not be written, or the cache is damaged. */
  public static final int IO = 7;

  private ExitCodes() {}

  /** The codes with what they mean, as {@code --help} lists them. */
  static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + OK, "success");
    codes.put(" " + INTERNAL, "unexpected error (rerun with --verbose)");
    codes.put(" " + USAGE, "usage error: unknown option, bad repository id, revision or file path");
    codes.put(" " + AUTH, "authentication or access error: no token, a rejected token, a gated repository");
    codes.put(" " + NOT_FOUND, "repository, revision or file not found");
    codes.put(" " + NETWORK, "hub unreachable, or not in the cache while offline");
    codes.put(" " + BAD_INPUT, "malformed input file");
    codes.put(" " + IO, "cache, token file or output could not be written, or a cached file is damaged");
    return codes;
  }
}
