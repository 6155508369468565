/**
 * The SDK's shared JSON support: one strict reader (UTF-8 bytes or text into maps, lists,
 * strings, numbers, booleans and nulls) and one compact writer, for the JDK-only modules.
 *
 * <p>Public so that the SDK's modules need not import core's internals, as AWS SDK v2 publishes
 * its {@code json-utils}; kept minimal on purpose. It is not a general-purpose JSON library:
 * applications should use their own. Non-null by default.
 */
package ai.boinc.transformers.json;
