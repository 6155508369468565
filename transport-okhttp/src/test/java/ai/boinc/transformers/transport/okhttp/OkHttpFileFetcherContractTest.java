package ai.boinc.transformers.transport.okhttp;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.testkit.junit5.FileFetcherContract;

/** The transport conformance suite against {@link OkHttpFileFetcher#create()}. */
class OkHttpFileFetcherContractTest extends FileFetcherContract {
  private static final FileFetcher FETCHER = OkHttpFileFetcher.create();

  @Override
  protected FileFetcher fetcher() {
    return FETCHER;
  }
}
