package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.fetch.LogRedaction;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Remembers the most recent secrets a source has handled (Vault tokens, secret ids, JWTs, the hub
 * token) and blanks them out of text that came from elsewhere: Vault's own error strings and
 * transport messages end up in exception messages, and a misbehaving server could echo a secret.
 * Text the SDK writes itself never contains a secret in the first place. Thread-safe.
 */
public final class Redactor {
  private static final int REMEMBERED = 16;

  private final Deque<String> secrets = new ArrayDeque<>();

  public synchronized void remember(String secret) {
    if (secret == null || secret.length() < 4 || secrets.contains(secret)) {
      return; // a secret shorter than 4 characters would blank out ordinary words
    }
    secrets.addFirst(secret);
    while (secrets.size() > REMEMBERED) {
      secrets.removeLast();
    }
  }

  /** {@code text} without remembered secrets, and cut to a few hundred characters. */
  public synchronized String scrub(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "[redacted]");
    }
    return LogRedaction.printable(out);
  }
}
