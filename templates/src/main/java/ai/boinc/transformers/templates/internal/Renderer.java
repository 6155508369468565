package ai.boinc.transformers.templates.internal;

import ai.boinc.transformers.templates.TemplateLimitException;
import java.time.Clock;

/** The state of one render: bounds and how much of them is used, and the clock of strftime_now. */
final class Renderer {
  private static final ThreadLocal<Renderer> CURRENT = new ThreadLocal<>();
  private static final int DEFAULT_MAX_STRING = 1 << 24;

  private final long maxSteps;
  private final int maxDepth;
  final int maxOutput;
  final Clock clock;
  private long steps;
  private int depth;

  Renderer(long maxSteps, int maxDepth, int maxOutput, Clock clock) {
    this.maxSteps = maxSteps;
    this.maxDepth = maxDepth;
    this.maxOutput = maxOutput;
    this.clock = clock;
  }

  /** Binds this renderer to the thread for the duration of a render. */
  Renderer enter() {
    CURRENT.set(this);
    return this;
  }

  void exit() {
    CURRENT.remove();
  }

  /** The longest string any operation may build during the current render. */
  static int maxString() {
    Renderer r = CURRENT.get();
    return r == null ? DEFAULT_MAX_STRING : r.maxOutput;
  }

  static TemplateLimitException stringTooLong(long length, int max) {
    return new TemplateLimitException("the template built a string of " + length
        + " characters, over the bound of " + max + " (TemplateLimits.maxOutputLength)", 0);
  }

  /** Counts {@code n} units of work: a loop iteration, a call, a chunk of a large string. */
  void step(long n) {
    steps += n;
    if (steps > maxSteps) {
      throw new TemplateLimitException("the template ran more than " + maxSteps
          + " steps (TemplateLimits.maxSteps); does a loop never end?", 0);
    }
  }

  void checkLength(long length) {
    if (length > maxOutput) {
      throw stringTooLong(length, maxOutput);
    }
  }

  void enterCall() {
    if (++depth > maxDepth) {
      depth--;
      throw new TemplateLimitException("calls nested deeper than " + maxDepth
          + " (TemplateLimits.maxCallDepth); does a macro recurse forever?", 0);
    }
    step(1);
  }

  void exitCall() {
    depth--;
  }
}
