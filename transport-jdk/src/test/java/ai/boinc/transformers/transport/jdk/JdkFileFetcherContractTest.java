package ai.boinc.transformers.transport.jdk;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.testkit.junit5.FileFetcherContract;

/** The transport conformance suite against {@link JdkFileFetcher#create()}. */
class JdkFileFetcherContractTest extends FileFetcherContract {
  private static final FileFetcher FETCHER = JdkFileFetcher.create();

  @Override
  protected FileFetcher fetcher() {
    return FETCHER;
  }
}
