package ai.boinc.transformers.transport.jdk;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetcherProvider;

/**
 * Makes {@link JdkFileFetcher} discoverable by {@link java.util.ServiceLoader} under the id {@code
 * "jdk"}. Its {@link #order()} of 100 lets a transport built on a dedicated HTTP library (lower
 * order) win when both are on the class path.
 */
public final class JdkFileFetcherProvider implements FileFetcherProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public JdkFileFetcherProvider() {}

  @Override
  public String id() {
    return "jdk";
  }

  @Override
  public int order() {
    return 100;
  }

  /** A new {@link JdkFileFetcher#create()}. */
  @Override
  public FileFetcher create() {
    return JdkFileFetcher.create();
  }
}
