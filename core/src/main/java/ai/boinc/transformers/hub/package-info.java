/**
 * The hub client: {@link ai.boinc.transformers.hub.Hub}, its settings, and the typed exceptions under {@link ai.boinc.transformers.hub.HubException}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * java.util.Optional}.
 */
package ai.boinc.transformers.hub;
