/**
 * What belongs to the whole SDK rather than one area: its version and the root of its exceptions.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package ai.boinc.transformers;
