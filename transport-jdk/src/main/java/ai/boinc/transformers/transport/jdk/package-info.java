/**
 * A {@link ai.boinc.transformers.fetch.FileFetcher} on the JDK's {@code java.net.http.HttpClient}:
 * {@link ai.boinc.transformers.transport.jdk.JdkFileFetcher}, discovered through {@link
 * ai.boinc.transformers.transport.jdk.JdkFileFetcherProvider}.
 */
package ai.boinc.transformers.transport.jdk;
