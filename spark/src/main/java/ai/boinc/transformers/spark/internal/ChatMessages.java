package ai.boinc.transformers.spark.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A row's conversation as the chat template wants it: a list of message maps. From a JSON string
 * (an array of objects; Jackson keeps key order and reads ints as ints, fractions as doubles) or
 * from Spark's value of an {@code array<struct<...>>} column (a struct's null fields are left out:
 * Spark gives every struct every field of the column's type, so null mostly means absent).
 */
final class ChatMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatMessages() {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the value (never its text)
   */
  static List<Map<String, Object>> of(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("the messages are null");
    }
    if (value instanceof String) {
      return fromJson((String) value);
    }
    if (value instanceof scala.collection.Seq) {
      return fromStructs(CollectionConverters.asJava((scala.collection.Seq<?>) value));
    }
    if (value instanceof List) {
      return fromStructs((List<?>) value);
    }
    throw new IllegalArgumentException("the messages are a " + value.getClass().getName()
        + "; expected a JSON string or an array<struct<role:string,content:string>>");
  }

  private static List<Map<String, Object>> fromJson(String json) {
    Object parsed;
    try {
      parsed = JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the messages are not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
          + "); expected an array of message objects");
    }
    if (!(parsed instanceof List)) {
      throw new IllegalArgumentException("the messages JSON is " + jsonType(parsed)
          + "; expected an array of message objects like [{\"role\":\"user\",\"content\":\"...\"}]");
    }
    List<?> items = (List<?>) parsed;
    List<Map<String, Object>> messages = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map)) {
        throw new IllegalArgumentException("message " + i + " is " + jsonType(items.get(i))
            + "; expected an object with \"role\" and \"content\"");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> message = (Map<String, Object>) items.get(i);
      messages.add(message);
    }
    return messages;
  }

  private static String jsonType(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof String) {
      return "a string";
    }
    return value instanceof Boolean ? "a boolean" : "a number";
  }

  private static List<Map<String, Object>> fromStructs(List<?> items) {
    List<Map<String, Object>> messages = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof Row) || ((Row) item).schema() == null) {
        throw new IllegalArgumentException("message " + i + " is "
            + (item == null ? "null" : "a " + item.getClass().getName())
            + "; expected a struct with fields role and content");
      }
      messages.add(struct((Row) item));
    }
    return messages;
  }

  private static Map<String, Object> struct(Row row) {
    StructType schema = row.schema();
    Map<String, Object> map = new LinkedHashMap<>();
    for (int f = 0; f < schema.fields().length; f++) {
      if (!row.isNullAt(f)) {
        map.put(schema.fields()[f].name(), spark(row.get(f)));
      }
    }
    return map;
  }

  /** A Spark value of a struct field as a JSON-like Java value. */
  private static Object spark(Object value) {
    if (value instanceof Row && ((Row) value).schema() != null) {
      return struct((Row) value);
    }
    if (value instanceof scala.collection.Seq) {
      List<Object> list = new ArrayList<>();
      for (Object item : CollectionConverters.asJava((scala.collection.Seq<?>) value)) {
        list.add(spark(item));
      }
      return list;
    }
    if (value instanceof scala.collection.Map) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry :
          CollectionConverters.asJava((scala.collection.Map<?, ?>) value).entrySet()) {
        map.put(String.valueOf(entry.getKey()), spark(entry.getValue()));
      }
      return map;
    }
    return value;
  }
}
