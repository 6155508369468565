package ai.boinc.transformers.templates.internal;

/** One token of a template: data text, a delimiter, or a piece of an expression. */
final class Token {
  enum Type {
    DATA, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF
  }

  final Type type;
  /** The text (data, name, operator, string value) or the number. */
  final Object value;
  /** Offset in the normalized source. */
  final int offset;

  Token(Type type, Object value, int offset) {
    this.type = type;
    this.value = value;
    this.offset = offset;
  }

  boolean is(Type t, String v) {
    return type == t && v.equals(value);
  }

  boolean isName(String v) {
    return type == Type.NAME && v.equals(value);
  }

  boolean isOp(String v) {
    return type == Type.OPERATOR && v.equals(value);
  }

  String describe() {
    switch (type) {
      case EOF:
        return "end of template";
      case BLOCK_END:
        return "end of statement block";
      case VARIABLE_END:
        return "end of print statement";
      case DATA:
        return "template data";
      case STRING:
        return "string";
      default:
        return "'" + value + "'";
    }
  }
}
