/**
 * JMH benchmarks of transformers-java's tokenizer beside its peers (DJL's binding of the Rust
 * {@code tokenizers}, and JTokkit for o200k), measured in the same run, plus the {@link
 * ai.boinc.transformers.benchmarks.RetainedHeap} probe and the {@link
 * ai.boinc.transformers.benchmarks.Report} that turns the results into {@code RESULTS.md}.
 *
 * <p>Not published; run from {@code benchmarks/target/benchmarks.jar} as {@code
 * benchmarks/README.md} shows.
 */
package ai.boinc.transformers.benchmarks;
