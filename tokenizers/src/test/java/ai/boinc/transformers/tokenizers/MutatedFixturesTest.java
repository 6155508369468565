package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Corrupted fixtures load or fail with {@link TokenizerLoadException}, nothing else, within a time
 * bound (see {@link LoadOutcome}). Each case takes a fixture (all models under {@code
 * fixtures/tokenizers}, shrunk to a few hundred vocabulary entries so a case loads in
 * milliseconds) and applies one to three mutations: JSON values replaced by values of other
 * types or hostile ones (huge numbers, catastrophic regexes, bogus component types, deep
 * nesting), keys dropped, arrays cut, bytes flipped, deleted or inserted, the text truncated. The
 * full-size llama-2 file gets byte mutations too. QuickTheories shrinks a failure to its smallest
 * mutation list and prints the seed; replay with {@code -DQT_SEED=<seed>}.
 */
class MutatedFixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MINI_MERGES = 300;
  private static final int MINI_VOCAB = 600;

  private static List<String> names;
  private static List<JsonNode> minis;

  @BeforeAll
  static void load() throws IOException {
    names = new ArrayList<>();
    minis = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Fixtures.root().resolve("tokenizers"))) {
      for (Path dir : dirs.sorted().collect(Collectors.toList())) {
        Path file = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(file)) {
          names.add(dir.getFileName().toString());
          minis.add(mini((ObjectNode) JSON.readTree(file.toFile())));
        }
      }
    }
  }

  /**
   * The fixture with a small model: the first merges and the tokens they use, single characters,
   * byte tokens and special tokens (BPE); else the first vocabulary entries.
   */
  static JsonNode mini(ObjectNode doc) {
    ObjectNode model = (ObjectNode) doc.get("model");
    JsonNode vocab = model.get("vocab");
    JsonNode merges = model.get("merges");
    if (vocab != null && vocab.isObject() && merges != null && merges.isArray()) {
      ArrayNode keptMerges = NODES.arrayNode();
      Set<String> keep = new LinkedHashSet<>();
      for (int i = 0; i < Math.min(MINI_MERGES, merges.size()); i++) {
        JsonNode m = merges.get(i);
        String[] pair = m.isArray() ? new String[] {m.get(0).asText(), m.get(1).asText()} : m.asText().split(" ", 2);
        if (pair.length == 2) {
          keptMerges.add(m);
          keep.add(pair[0]);
          keep.add(pair[1]);
          keep.add(pair[0] + pair[1]);
        }
      }
      for (JsonNode t : doc.path("added_tokens")) {
        keep.add(t.path("content").asText());
      }
      keep.add(model.path("unk_token").asText());
      ObjectNode keptVocab = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = vocab.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String token = e.getKey();
        if (keep.contains(token) || token.codePointCount(0, token.length()) == 1 || token.matches("<0x[0-9A-F]{2}>")) {
          keptVocab.set(token, e.getValue());
        }
      }
      model.set("vocab", keptVocab);
      model.set("merges", keptMerges);
    } else if (vocab != null && vocab.isObject()) {
      ObjectNode kept = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = vocab.fields();
      Set<String> specials = new HashSet<>();
      for (JsonNode t : doc.path("added_tokens")) {
        specials.add(t.path("content").asText());
      }
      for (int i = 0; it.hasNext(); i++) {
        Map.Entry<String, JsonNode> e = it.next();
        if (i < MINI_VOCAB || specials.contains(e.getKey())) {
          kept.set(e.getKey(), e.getValue());
        }
      }
      model.set("vocab", kept);
    } else if (vocab != null && vocab.isArray()) {
      ArrayNode kept = NODES.arrayNode();
      for (int i = 0; i < Math.min(MINI_VOCAB, vocab.size()); i++) {
        kept.add(vocab.get(i));
      }
      model.set("vocab", kept);
    }
    return doc;
  }

  /** One mutation: what to do, where (an index reduced modulo the choices) and with what. */
  static final class Mutation {
    final int kind;
    final int where;
    final int what;

    Mutation(int kind, int where, int what) {
      this.kind = kind;
      this.where = where;
      this.what = what;
    }

    @Override
    public String toString() {
      return KINDS[kind] + "@" + where + "/" + what;
    }
  }

  private static final String[] KINDS = {
    "replaceValue", "removeKey", "cutArray", "addKey", "flipByte", "deleteBytes", "insertBytes", "truncate"
  };

  private static final String[] INSERTS = {"{", "}", "[", "]", "\"", "\\", ":", ",", "null", "\\u0000", "é", "\uD800", "1e999"};

  /** Values of every JSON type, and hostile ones. */
  private static JsonNode value(int what) {
    switch (Math.floorMod(what, 16)) {
      case 0: return NODES.nullNode();
      case 1: return NODES.booleanNode(true);
      case 2: return NODES.numberNode(0);
      case 3: return NODES.numberNode(-1);
      case 4: return NODES.numberNode(1e30);
      case 5: return NODES.numberNode(1L << 40);
      case 6: return NODES.textNode("");
      case 7: return NODES.textNode("x");
      case 8: return NODES.arrayNode();
      case 9: return NODES.objectNode();
      case 10: return NODES.objectNode().put("type", "Bogus");
      case 11: return NODES.objectNode().put("Regex", "(a*){1,25}b");
      case 12: return NODES.objectNode().put("type", "Sequence").set("normalizers", NODES.arrayNode().add(NODES.objectNode().put("type", "Replace").put("content", "").set("pattern", NODES.objectNode().put("Regex", "(x|x){1,40}y"))));
      case 13: return deep(60);
      case 14: return NODES.textNode("(((((((((((((((((((((((((((((((((((((((((((((((((((((a)))))))))))))))))))))))))))))))))))))))))))))))))))))");
      default: return NODES.numberNode(2.5);
    }
  }

  /** A Sequence normalizer nested {@code depth} levels. */
  private static JsonNode deep(int depth) {
    ObjectNode n = NODES.objectNode().put("type", "Prepend").put("prepend", "x");
    for (int i = 0; i < depth; i++) {
      ObjectNode s = NODES.objectNode().put("type", "Sequence");
      s.set("normalizers", NODES.arrayNode().add(n));
      n = s;
    }
    return n;
  }

  /** Every container and value below the root, as (parent, key or index). */
  private static void collect(JsonNode node, List<Object[]> out) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        out.add(new Object[] {node, name});
        collect(node.get(name), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(new Object[] {node, i});
        collect(node.get(i), out);
      }
    }
  }

  static String apply(JsonNode base, List<Mutation> mutations) {
    JsonNode doc = base.deepCopy();
    String text = null;
    for (Mutation m : mutations) {
      if (m.kind < 4) {
        if (text != null) {
          continue;
        }
        List<Object[]> slots = new ArrayList<>();
        collect(doc, slots);
        if (slots.isEmpty()) {
          continue;
        }
        Object[] slot = slots.get(Math.floorMod(m.where, slots.size()));
        JsonNode parent = (JsonNode) slot[0];
        Object key = slot[1];
        switch (m.kind) {
          case 0:
            if (key instanceof String) {
              ((ObjectNode) parent).set((String) key, value(m.what));
            } else {
              ((ArrayNode) parent).set((Integer) key, value(m.what));
            }
            break;
          case 1:
            if (key instanceof String) {
              ((ObjectNode) parent).remove((String) key);
            } else {
              ((ArrayNode) parent).remove((Integer) key);
            }
            break;
          case 2:
            JsonNode target = key instanceof String ? parent.get((String) key) : parent.get((Integer) key);
            if (target.isArray() && target.size() > 0) {
              ArrayNode a = (ArrayNode) target;
              int keepCount = Math.floorMod(m.what, a.size());
              while (a.size() > keepCount) {
                a.remove(a.size() - 1);
              }
            }
            break;
          default:
            if (parent.isObject()) {
              ((ObjectNode) parent).set("extra" + m.what, value(m.what));
            } else {
              ((ArrayNode) parent).add(value(m.what));
            }
        }
      } else {
        if (text == null) {
          text = doc.toString();
        }
        if (text.isEmpty()) {
          continue;
        }
        int at = Math.floorMod(m.where, text.length());
        switch (m.kind) {
          case 4:
            char c = text.charAt(at);
            text = text.substring(0, at) + (char) (c ^ (1 << Math.floorMod(m.what, 7))) + text.substring(at + 1);
            break;
          case 5:
            text = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + Math.floorMod(m.what, 8)));
            break;
          case 6:
            text = text.substring(0, at) + INSERTS[Math.floorMod(m.what, INSERTS.length)] + text.substring(at);
            break;
          default:
            text = text.substring(0, at);
        }
      }
    }
    return text != null ? text : doc.toString();
  }

  private static Gen<Mutation> mutation() {
    // Structural mutations (kinds 0-3) twice as often as byte-level ones (4-7).
    return integers().between(0, 11).map(k -> k < 8 ? k % 4 : k - 4)
        .zip(integers().between(0, 1_000_000), integers().between(0, 1_000), Mutation::new);
  }

  @Test
  void mutatedFixturesLoadOrFailWithTokenizerLoadException() {
    AtomicInteger loaded = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    qt().withExamples(1000)
        .withShrinkCycles(200)
        .forAll(integers().between(0, names.size() - 1), lists().of(mutation()).ofSizeBetween(1, 3))
        .checkAssert(
            (model, ms) -> {
              boolean ok = LoadOutcome.check(apply(minis.get(model), ms));
              (ok ? loaded : refused).incrementAndGet();
            });
    // Both outcomes must be reached, or the mutations test nothing.
    System.out.println("mutated fixtures: " + loaded + " loaded, " + refused + " refused");
    assertThat(loaded.get()).as("mutated cases that still load").isGreaterThan(20);
    assertThat(refused.get()).as("mutated cases refused").isGreaterThan(50);
  }

  @Test
  void fullSizeFileWithCorruptedBytes() throws IOException {
    String full;
    try {
      full = Files.readString(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode doc = JSON.readTree(full);
    qt().withExamples(5)
        .withShrinkCycles(20)
        .forAll(lists().of(mutation().map(m -> new Mutation(4 + Math.floorMod(m.kind, 4), m.where, m.what))).ofSizeBetween(1, 2))
        .checkAssert(ms -> LoadOutcome.check(apply(doc, ms)));
  }
}
