/**
 * One HTTP exchange: the {@link ai.boinc.transformers.fetch.FileFetcher} port that transport modules implement, and its request and response types.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * java.util.Optional}.
 */
package ai.boinc.transformers.fetch;
