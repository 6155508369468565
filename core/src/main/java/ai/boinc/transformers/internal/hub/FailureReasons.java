package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** Names a network failure the way a user says it ("connection refused"), not as a Java class. */
final class FailureReasons {
  private FailureReasons() {}

  static String describe(IOException failure) {
    if (failure == null) {
      return "no answer";
    }
    // The most telling cause anywhere in the chain wins: a transport wraps "unknown host" in a
    // ConnectException, for instance.
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) {
        return "unknown host" + (e.getMessage() == null ? "" : " " + e.getMessage());
      }
    }
    for (Throwable e = failure; e != null; e = e.getCause()) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (e instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (e instanceof ConnectException || message.contains("connection refused")) {
        return message.contains("timed out") ? "connect timed out" : "connection refused";
      }
      if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException || message.equals("timeout")) {
        return "timed out";
      }
      if (e.getClass().getName().startsWith("javax.net.ssl.")) {
        return "TLS failure: " + e.getMessage();
      }
      if (message.contains("reset")) {
        return "connection reset";
      }
      if (message.contains("closed") || message.contains("eof") || message.contains("end of stream")
          || message.contains("ended")) {
        return "connection closed early";
      }
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  /** Whether the failure says no connection could be made at all (as opposed to one that broke). */
  static boolean isUnreachable(IOException failure) {
    String reason = describe(failure);
    return reason.startsWith("unknown host") || reason.equals("connection refused")
        || reason.equals("no route to host") || reason.equals("connect timed out");
  }
}
