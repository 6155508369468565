package ai.boinc.transformers.transport.okhttp;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetcherProvider;

/** Offers OkHttp as the transport "okhttp"; the JDK transport is preferred when both are present. */
public final class OkHttpFileFetcherProvider implements FileFetcherProvider {
  @Override
  public String id() {
    return "okhttp";
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public FileFetcher create() {
    return OkHttpFileFetcher.create();
  }
}
