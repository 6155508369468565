package ai.boinc.transformers.guice;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.internal.fetch.FileFetchers;
import com.google.inject.Provider;

/** The transport found on the class path: the one named, or the preferred one (lowest order). */
final class DiscoveredFileFetcher implements Provider<FileFetcher> {
  private final String id;

  DiscoveredFileFetcher(String id) {
    this.id = id;
  }

  @Override
  public FileFetcher get() {
    return FileFetchers.discover(id, DiscoveredFileFetcher.class.getClassLoader());
  }

  @Override
  public String toString() {
    return id == null ? "discovered transport" : "discovered transport '" + id + "'";
  }
}
