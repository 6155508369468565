package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.hub.CacheException;
import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.GatedRepoException;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.InsecureEndpointException;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import ai.boinc.transformers.hub.RepositoryNotFoundException;
import ai.boinc.transformers.hub.RevisionNotFoundException;
import ai.boinc.transformers.hub.WrongEndpointException;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;

/** Prints one clear line per failure (a stack trace only with --verbose) and picks the exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    BaCommand root = commandLine.getCommandSpec().root().userObject() instanceof BaCommand
        ? (BaCommand) commandLine.getCommandSpec().root().userObject()
        : null;
    err.println("error: " + message(e));
    if (root != null && root.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return exitCode(e);
  }

  /**
   * A wrong command line: one line with picocli's message, a suggestion when there is one, and
   * where to read the usage (the full usage would bury the message).
   */
  static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    StringBuilder line = new StringBuilder("error: ").append(e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> suggestions = ((CommandLine.UnmatchedArgumentException) e).getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))))
            .append('?');
      }
    }
    line.append(" (see '").append(commandLine.getCommandSpec().qualifiedName()).append(" --help')");
    err.println(line);
    Object root = commandLine.getCommandSpec().root().userObject();
    if (root instanceof BaCommand && ((BaCommand) root).verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  static String message(Throwable e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  static int exitCode(Throwable e) {
    if (e instanceof GatedRepoException
        || e instanceof MissingTokenException
        || e instanceof InvalidTokenException
        || e instanceof InsecureEndpointException
        || e instanceof CredentialException) {
      return ExitCodes.AUTH;
    }
    if (e instanceof RepositoryNotFoundException
        || e instanceof RevisionNotFoundException
        || e instanceof EntryNotFoundException
        || e instanceof WrongEndpointException
        || e instanceof NoSuchFileException) {
      return ExitCodes.NOT_FOUND;
    }
    if (e instanceof HubUnreachableException
        || e instanceof OfflineCacheMissException
        || e instanceof ChecksumMismatchException) {
      return ExitCodes.NETWORK;
    }
    if (e instanceof TokenizerLoadException || e instanceof BadInputException) {
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof UncheckedIOException) {
      return ExitCodes.IO;
    }
    if (e instanceof CacheException || e instanceof java.io.IOException) {
      return ExitCodes.IO;
    }
    if (e instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.INTERNAL;
  }
}
