package ai.boinc.transformers.templates.internal;

import ai.boinc.transformers.templates.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Jinja2's grammar, statement and expression, over the lexer's tokens. */
final class Parser {
  private static final int MAX_NESTING = 200;
  private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", "<=", ">", ">=");

  private final SourceText source;
  private final List<Token> tokens;
  private int pos;
  private int nesting;
  private int loopDepth;
  /**
   * Inside an if branch or a conditional expression (Jinja2's soft frame): an unknown filter or
   * test there fails only when reached; elsewhere it fails compilation.
   */
  private boolean soft;
  /** Inside {@code {% autoescape true %}}: printed values are HTML-escaped. */
  private boolean autoescape;
  /** Unknown filters and tests met outside soft frames, unless a conditional expression claims them. */
  private final List<Token> unknownOutsideSoft = new ArrayList<>();
  private final List<String> unknownNames = new ArrayList<>();

  private Parser(SourceText source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  static Stmt.Body parse(SourceText source) {
    Parser p = new Parser(source, Lexer.tokenize(source));
    Stmt.Body body = p.subparse(Set.of());
    if (p.current().type != Token.Type.EOF) {
      throw p.error("unexpected " + p.current().describe(), p.current());
    }
    if (!p.unknownOutsideSoft.isEmpty()) {
      throw p.error(p.unknownNames.get(0), p.unknownOutsideSoft.get(0));
    }
    return body;
  }

  private Token current() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.type != Token.Type.EOF) {
      pos++;
    }
    return t;
  }

  private int line(Token t) {
    return source.line(t.offset);
  }

  TemplateSyntaxException error(String message, Token at) {
    return new TemplateSyntaxException(message, source.line(at.offset), source.column(at.offset));
  }

  private Token expect(Token.Type type, String value) {
    Token t = current();
    if (t.type != type || (value != null && !value.equals(t.value))) {
      String wanted = value != null ? "'" + value + "'" : type == Token.Type.NAME ? "a name"
          : type == Token.Type.BLOCK_END ? "end of statement block" : type == Token.Type.VARIABLE_END
          ? "end of print statement" : type.name().toLowerCase(java.util.Locale.ROOT);
      if (t.type == Token.Type.EOF) {
        throw error("unexpected end of template, expected " + wanted + ".", t);
      }
      throw error("expected token " + wanted + ", got " + t.describe(), t);
    }
    return next();
  }

  private void enter(Token at) {
    if (++nesting > MAX_NESTING) {
      throw error("the template nests more than " + MAX_NESTING + " levels deep", at);
    }
  }

  private void leave() {
    nesting--;
  }

  // ---- statements ----

  /** Parses until a block tag whose name is in {@code endTags} (left unconsumed after BLOCK_BEGIN). */
  private Stmt.Body subparse(Set<String> endTags) {
    int startLine = line(current());
    List<Stmt> body = new ArrayList<>();
    while (true) {
      Token t = current();
      switch (t.type) {
        case DATA:
          next();
          body.add(new Stmt.Text(line(t), (String) t.value));
          break;
        case VARIABLE_BEGIN: {
          next();
          Expr e = parseTuple(true, false);
          expect(Token.Type.VARIABLE_END, null);
          body.add(new Stmt.Output(line(t), e, autoescape));
          break;
        }
        case BLOCK_BEGIN: {
          Token name = peek(1);
          if (name.type == Token.Type.NAME && endTags.contains(name.value)) {
            next();
            return new Stmt.Body(startLine, body);
          }
          next();
          body.add(parseStatement());
          break;
        }
        case EOF:
          if (!endTags.isEmpty()) {
            throw error("Unexpected end of template. Jinja was looking for the following tags: "
                + String.join(" or ", endTags.stream().map(x -> "'" + x + "'").sorted().toArray(String[]::new))
                + ".", t);
          }
          return new Stmt.Body(startLine, body);
        default:
          throw error("unexpected " + t.describe(), t);
      }
    }
  }

  private Stmt parseStatement() {
    Token t = current();
    if (t.type != Token.Type.NAME) {
      throw error("tag name expected", t);
    }
    enter(t);
    try {
      int line = line(t);
      switch ((String) t.value) {
        case "for":
          return parseFor();
        case "if":
          return parseIf();
        case "set":
          return parseSet();
        case "macro":
          return parseMacro();
        case "call":
          return parseCallBlock();
        case "filter":
          return parseFilterBlock();
        case "with":
          return parseWith();
        case "break":
        case "continue": {
          next();
          if (loopDepth == 0) {
            throw error("'" + t.value + "' outside of a loop", t);
          }
          expect(Token.Type.BLOCK_END, null);
          return new Stmt.Signal(line, t.value.equals("break") ? Stmt.BREAK : Stmt.CONTINUE);
        }
        case "print": {
          next();
          List<Expr> items = new ArrayList<>();
          while (current().type != Token.Type.BLOCK_END) {
            if (!items.isEmpty()) {
              expect(Token.Type.OPERATOR, ",");
            }
            items.add(parseExpression(true));
          }
          next();
          List<Stmt> outputs = new ArrayList<>();
          for (Expr e : items) {
            outputs.add(new Stmt.Output(line, e, autoescape));
          }
          return new Stmt.Body(line, outputs);
        }
        case "generation": {
          next();
          expect(Token.Type.BLOCK_END, null);
          Stmt.Body body = innerBody(Set.of("endgeneration"));
          endTag();
          // A call block in transformers' extension: its body has a scope of its own.
          return new Stmt.Scoped(line, List.of(), List.of(), body, true);
        }
        case "block": {
          next();
          String blockName = (String) expect(Token.Type.NAME, null).value;
          while (current().isName("scoped") || current().isName("required")) {
            next();
          }
          expect(Token.Type.BLOCK_END, null);
          Stmt.Body body = innerBody(Set.of("endblock"));
          expect(Token.Type.NAME, "endblock");
          if (current().isName(blockName)) {
            next();
          }
          expect(Token.Type.BLOCK_END, null);
          return new Stmt.Scoped(line, List.of(), List.of(), body, true);
        }
        case "autoescape": {
          next();
          Token at = current();
          Expr flag = parseExpression(true);
          if (!(flag instanceof Expr.Const)) {
            throw error("autoescape takes a constant true or false in this engine", at);
          }
          expect(Token.Type.BLOCK_END, null);
          boolean saved = autoescape;
          autoescape = Values.truthy(((Expr.Const) flag).value);
          Stmt.Body body = innerBody(Set.of("endautoescape"));
          autoescape = saved;
          endTag();
          return new Stmt.Scoped(line, List.of(), List.of(), body, true);
        }
        case "include":
        case "import":
        case "from":
        case "extends": {
          next();
          while (current().type != Token.Type.BLOCK_END) {
            if (current().type == Token.Type.EOF) {
              throw error("unexpected end of template", current());
            }
            next();
          }
          next();
          return new Stmt.NeedsLoader(line);
        }
        default:
          throw error("Encountered unknown tag '" + t.value + "'.", t);
      }
    } finally {
      leave();
    }
  }

  /** A body in a frame of its own (loop, macro, call, filter, with, block): not soft. */
  private Stmt.Body innerBody(Set<String> endTags) {
    boolean saved = soft;
    soft = false;
    try {
      return subparse(endTags);
    } finally {
      soft = saved;
    }
  }

  private void noteUnknown(String kind, String name, Token at, boolean known) {
    if (!known && !soft) {
      unknownOutsideSoft.add(at);
      unknownNames.add("No " + kind + " named '" + name + "'.");
    }
  }

  /** Consumes {@code endxxx %}} after subparse stopped on it. */
  private void endTag() {
    next();
    expect(Token.Type.BLOCK_END, null);
  }

  private Stmt parseFor() {
    int line = line(next());
    Target target = parseAssignTarget(true, false, Set.of("in"));
    expect(Token.Type.NAME, "in");
    Expr iterable = parseTuple(false, false, Set.of("recursive"));
    Expr filter = null;
    if (current().isName("if")) {
      next();
      boolean saved = soft;
      soft = false;
      filter = parseExpression(true);
      soft = saved;
    }
    boolean recursive = false;
    if (current().isName("recursive")) {
      next();
      recursive = true;
    }
    expect(Token.Type.BLOCK_END, null);
    loopDepth++;
    Stmt.Body body = innerBody(Set.of("endfor", "else"));
    loopDepth--;
    Stmt.Body otherwise = null;
    if (next().value.equals("else")) {
      expect(Token.Type.BLOCK_END, null);
      otherwise = innerBody(Set.of("endfor"));
      next();
    }
    expect(Token.Type.BLOCK_END, null);
    return new Stmt.For(line, target, iterable, filter, body, otherwise, recursive);
  }

  private Stmt parseIf() {
    boolean saved = soft;
    soft = true;
    try {
      return parseIfBody();
    } finally {
      soft = saved;
    }
  }

  private Stmt parseIfBody() {
    int line = line(next());
    List<Expr> tests = new ArrayList<>();
    List<Stmt.Body> bodies = new ArrayList<>();
    Stmt.Body otherwise = null;
    tests.add(parseTuple(false, false));
    expect(Token.Type.BLOCK_END, null);
    while (true) {
      bodies.add(subparse(Set.of("elif", "else", "endif")));
      Token tag = next();
      if (tag.value.equals("elif")) {
        tests.add(parseTuple(false, false));
        expect(Token.Type.BLOCK_END, null);
        continue;
      }
      if (tag.value.equals("else")) {
        expect(Token.Type.BLOCK_END, null);
        otherwise = subparse(Set.of("endif"));
        next();
      }
      expect(Token.Type.BLOCK_END, null);
      break;
    }
    return new Stmt.If(line, tests, bodies, otherwise);
  }

  private Stmt parseSet() {
    int line = line(next());
    Target target = parseAssignTarget(true, true, Set.of());
    if (current().isOp("=")) {
      next();
      Expr value = parseTuple(true, false);
      expect(Token.Type.BLOCK_END, null);
      return new Stmt.Assign(line, target, value);
    }
    Expr.Filter filter = null;
    boolean saved = soft;
    soft = false;
    if (current().isOp("|")) {
      filter = parseFilterChain(null);
    }
    soft = saved;
    expect(Token.Type.BLOCK_END, null);
    Stmt.Body body = innerBody(Set.of("endset"));
    endTag();
    return new Stmt.AssignBlock(line, target, filter, body);
  }

  private void parseSignature(List<String> params, List<Expr> defaults) {
    expect(Token.Type.OPERATOR, "(");
    while (!current().isOp(")")) {
      if (!params.isEmpty()) {
        expect(Token.Type.OPERATOR, ",");
        if (current().isOp(")")) {
          break;
        }
      }
      Token name = expect(Token.Type.NAME, null);
      params.add((String) name.value);
      if (current().isOp("=")) {
        next();
        defaults.add(parseExpression(true));
      } else {
        if (!defaults.isEmpty() && defaults.get(defaults.size() - 1) != null) {
          throw error("non-default argument follows default argument", name);
        }
        defaults.add(null);
      }
    }
    next();
  }

  private Stmt parseMacro() {
    int line = line(next());
    String name = (String) expect(Token.Type.NAME, null).value;
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    boolean saved = soft;
    soft = false;
    parseSignature(params, defaults);
    soft = saved;
    expect(Token.Type.BLOCK_END, null);
    int savedLoops = loopDepth;
    loopDepth = 0;
    Stmt.Body body = innerBody(Set.of("endmacro"));
    loopDepth = savedLoops;
    next();
    expect(Token.Type.BLOCK_END, null);
    return new Stmt.MacroDef(line, name, params, defaults, body);
  }

  private Stmt parseCallBlock() {
    Token start = next();
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    if (current().isOp("(")) {
      parseSignature(params, defaults);
    }
    Token at = current();
    Expr call = parseExpression(true);
    if (!(call instanceof Expr.Call)) {
      throw error("expected call", at);
    }
    expect(Token.Type.BLOCK_END, null);
    int savedLoops = loopDepth;
    loopDepth = 0;
    Stmt.Body body = innerBody(Set.of("endcall"));
    loopDepth = savedLoops;
    endTag();
    return new Stmt.CallBlock(line(start), (Expr.Call) call,
        new Stmt.MacroDef(line(start), "caller", params, defaults, body));
  }

  private Stmt parseFilterBlock() {
    int line = line(next());
    boolean saved = soft;
    soft = false;
    Expr.Filter filter = parseFilterChain(null, false);
    soft = saved;
    expect(Token.Type.BLOCK_END, null);
    Stmt.Body body = innerBody(Set.of("endfilter"));
    endTag();
    return new Stmt.FilterBlock(line, filter, body);
  }

  private Stmt parseWith() {
    int line = line(next());
    List<Target> targets = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (current().type != Token.Type.BLOCK_END) {
      if (!targets.isEmpty()) {
        expect(Token.Type.OPERATOR, ",");
      }
      targets.add(parseAssignTarget(false, false, Set.of()));
      expect(Token.Type.OPERATOR, "=");
      values.add(parseExpression(true));
    }
    next();
    Stmt.Body body = innerBody(Set.of("endwith"));
    endTag();
    return new Stmt.Scoped(line, targets, values, body, true);
  }

  private Target parseAssignTarget(boolean withTuple, boolean withNamespace, Set<String> endNames) {
    Token t = current();
    if (withNamespace && t.type == Token.Type.NAME && peek(1).isOp(".") && peek(2).type == Token.Type.NAME) {
      next();
      next();
      Token attr = next();
      return new Target.NamespaceAttribute((String) t.value, (String) attr.value);
    }
    if (withTuple) {
      List<Target> targets = new ArrayList<>();
      boolean comma = false;
      while (true) {
        if (!targets.isEmpty()) {
          if (!current().isOp(",")) {
            break;
          }
          next();
          comma = true;
          if (isTupleEnd()) {
            break;
          }
        }
        targets.add(parsePrimaryTarget());
      }
      return comma || targets.size() > 1 ? new Target.Unpack(targets) : targets.get(0);
    }
    return parsePrimaryTarget();
  }

  private boolean isTupleEnd() {
    Token t = current();
    return t.type == Token.Type.BLOCK_END || t.type == Token.Type.VARIABLE_END || t.isOp(")") || t.isOp("=")
        || t.type == Token.Type.EOF;
  }

  private Target parsePrimaryTarget() {
    Token t = current();
    if (t.type == Token.Type.NAME) {
      next();
      String name = (String) t.value;
      if (Arrays.asList("true", "false", "none", "True", "False", "None").contains(name)) {
        throw error("can't assign to '" + name + "'", t);
      }
      return new Target.Name(name);
    }
    if (t.isOp("(")) {
      next();
      Target inner = parseAssignTarget(true, false, Set.of());
      expect(Token.Type.OPERATOR, ")");
      return inner;
    }
    throw error("can't assign to " + t.describe(), t);
  }

  // ---- expressions ----

  private Expr parseTuple(boolean withCondexpr, boolean simplified) {
    return parseTuple(withCondexpr, simplified, Set.of());
  }

  /** Jinja2's parse_tuple: {@code a, b} is a tuple, a lone expression is itself. */
  private Expr parseTuple(boolean withCondexpr, boolean simplified, Set<String> extraEnd) {
    Token start = current();
    List<Expr> items = new ArrayList<>();
    boolean comma = false;
    while (true) {
      if (!items.isEmpty()) {
        if (!current().isOp(",")) {
          break;
        }
        next();
        comma = true;
      }
      Token t = current();
      if (t.type == Token.Type.VARIABLE_END || t.type == Token.Type.BLOCK_END || t.isOp(")")
          || t.type == Token.Type.NAME && extraEnd.contains(t.value)) {
        if (!items.isEmpty()) {
          break;
        }
        throw error("Expected an expression, got " + t.describe(), t);
      }
      items.add(withCondexpr ? parseExpression(true) : parseOr());
    }
    if (!comma) {
      return items.get(0);
    }
    return new Expr.ListLiteral(line(start), items, true);
  }

  private Expr parseExpression(boolean withCondexpr) {
    Token t = current();
    enter(t);
    try {
      int unknownMark = unknownOutsideSoft.size();
      Expr e = parseOr();
      if (withCondexpr) {
        while (current().isName("if")) {
          next();
          boolean saved = soft;
          soft = true;
          Expr test = parseOr();
          Expr otherwise = null;
          if (current().isName("else")) {
            next();
            otherwise = parseExpression(true);
          }
          soft = saved;
          // The whole conditional expression is a soft frame, its first branch included.
          unknownOutsideSoft.subList(unknownMark, unknownOutsideSoft.size()).clear();
          unknownNames.subList(unknownMark, unknownNames.size()).clear();
          e = new Expr.Conditional(line(t), test, e, otherwise);
        }
      }
      return e;
    } finally {
      leave();
    }
  }

  private Expr parseOr() {
    Expr left = parseAnd();
    while (current().isName("or")) {
      Token t = next();
      left = new Expr.Logical(line(t), false, left, parseAnd());
    }
    return left;
  }

  private Expr parseAnd() {
    Expr left = parseNot();
    while (current().isName("and")) {
      Token t = next();
      left = new Expr.Logical(line(t), true, left, parseNot());
    }
    return left;
  }

  private Expr parseNot() {
    if (current().isName("not")) {
      Token t = next();
      enter(t);
      try {
        return new Expr.Not(line(t), parseNot());
      } finally {
        leave();
      }
    }
    return parseCompare();
  }

  private Expr parseCompare() {
    Token start = current();
    Expr first = parseMath1();
    List<String> ops = new ArrayList<>();
    List<Expr> operands = new ArrayList<>();
    while (true) {
      Token t = current();
      if (t.type == Token.Type.OPERATOR && COMPARE_OPS.contains(t.value)) {
        next();
        ops.add((String) t.value);
      } else if (t.isName("in")) {
        next();
        ops.add("in");
      } else if (t.isName("not") && peek(1).isName("in")) {
        next();
        next();
        ops.add("notin");
      } else {
        break;
      }
      operands.add(parseMath1());
    }
    return ops.isEmpty() ? first : new Expr.Compare(line(start), first, ops, operands);
  }

  private Expr parseMath1() {
    Expr left = parseConcat();
    while (current().isOp("+") || current().isOp("-")) {
      Token t = next();
      left = new Expr.Binary(line(t), (String) t.value, left, parseConcat());
    }
    return left;
  }

  private Expr parseConcat() {
    Token start = current();
    List<Expr> parts = new ArrayList<>();
    parts.add(parseMath2());
    while (current().isOp("~")) {
      next();
      parts.add(parseMath2());
    }
    return parts.size() == 1 ? parts.get(0) : new Expr.Concat(line(start), parts);
  }

  private Expr parseMath2() {
    Expr left = parsePow();
    while (current().isOp("*") || current().isOp("/") || current().isOp("//") || current().isOp("%")) {
      Token t = next();
      left = new Expr.Binary(line(t), (String) t.value, left, parsePow());
    }
    return left;
  }

  private Expr parsePow() {
    Expr left = parseUnary(true);
    while (current().isOp("**")) {
      Token t = next();
      left = new Expr.Binary(line(t), "**", left, parseUnary(true));
    }
    return left;
  }

  private Expr parseUnary(boolean withFilter) {
    Token t = current();
    enter(t);
    try {
      Expr node;
      if (t.isOp("-") || t.isOp("+")) {
        next();
        node = new Expr.Unary(line(t), (String) t.value, parseUnary(false));
      } else {
        node = parsePrimary();
      }
      node = parsePostfix(node);
      if (withFilter) {
        node = parseFilterExpr(node);
      }
      return node;
    } finally {
      leave();
    }
  }

  private Expr parsePrimary() {
    Token t = current();
    int line = line(t);
    switch (t.type) {
      case NAME: {
        next();
        switch ((String) t.value) {
          case "true":
          case "True":
            return new Expr.Const(line, true);
          case "false":
          case "False":
            return new Expr.Const(line, false);
          case "none":
          case "None":
            return new Expr.Const(line, null);
          default:
            return new Expr.Name(line, (String) t.value);
        }
      }
      case STRING: {
        next();
        StringBuilder sb = new StringBuilder((String) t.value);
        while (current().type == Token.Type.STRING) {
          sb.append((String) next().value);
        }
        return new Expr.Const(line, sb.toString());
      }
      case INTEGER:
      case FLOAT:
        next();
        return new Expr.Const(line, t.value);
      case OPERATOR:
        if (t.isOp("(")) {
          next();
          if (current().isOp(")")) {
            next();
            return new Expr.ListLiteral(line, List.of(), true);
          }
          Expr inner = parseTuple(true, false);
          expect(Token.Type.OPERATOR, ")");
          return inner;
        }
        if (t.isOp("[")) {
          next();
          List<Expr> items = new ArrayList<>();
          while (!current().isOp("]")) {
            if (!items.isEmpty()) {
              expect(Token.Type.OPERATOR, ",");
              if (current().isOp("]")) {
                break;
              }
            }
            items.add(parseExpression(true));
          }
          expect(Token.Type.OPERATOR, "]");
          return new Expr.ListLiteral(line, items, false);
        }
        if (t.isOp("{")) {
          next();
          List<Expr> keys = new ArrayList<>();
          List<Expr> values = new ArrayList<>();
          while (!current().isOp("}")) {
            if (!keys.isEmpty()) {
              expect(Token.Type.OPERATOR, ",");
              if (current().isOp("}")) {
                break;
              }
            }
            keys.add(parseExpression(true));
            expect(Token.Type.OPERATOR, ":");
            values.add(parseExpression(true));
          }
          expect(Token.Type.OPERATOR, "}");
          return new Expr.DictLiteral(line, keys, values);
        }
        throw error("unexpected " + t.describe(), t);
      default:
        if (t.type == Token.Type.EOF) {
          throw error("unexpected end of template", t);
        }
        throw error("unexpected " + t.describe(), t);
    }
  }

  private Expr parsePostfix(Expr node) {
    while (true) {
      Token t = current();
      if (t.isOp(".")) {
        next();
        Token attr = next();
        if (attr.type == Token.Type.NAME) {
          node = new Expr.GetAttr(line(t), node, (String) attr.value);
        } else if (attr.type == Token.Type.INTEGER) {
          node = new Expr.GetItem(line(t), node, new Expr.Const(line(t), attr.value));
        } else {
          throw error("expected name or number", attr);
        }
      } else if (t.isOp("[")) {
        next();
        node = parseSubscript(node, t);
      } else if (t.isOp("(")) {
        node = new Expr.Call(line(t), node, parseCallArgs());
      } else {
        return node;
      }
    }
  }

  private Expr parseSubscript(Expr node, Token open) {
    List<Expr> parts = new ArrayList<>();
    List<Expr> slice = null;
    while (!current().isOp("]")) {
      if (!parts.isEmpty() || slice != null) {
        expect(Token.Type.OPERATOR, ",");
      }
      Expr start = null;
      if (!current().isOp(":")) {
        start = parseExpression(true);
        if (!current().isOp(":")) {
          parts.add(start);
          continue;
        }
      }
      next();
      Expr stop = null;
      Expr step = null;
      if (!current().isOp("]") && !current().isOp(",") && !current().isOp(":")) {
        stop = parseExpression(true);
      }
      if (current().isOp(":")) {
        next();
        if (!current().isOp("]") && !current().isOp(",")) {
          step = parseExpression(true);
        }
      }
      slice = Arrays.asList(start, stop, step);
    }
    expect(Token.Type.OPERATOR, "]");
    if (slice != null) {
      if (!parts.isEmpty()) {
        throw error("multi-dimensional subscripts are not supported", open);
      }
      return new Expr.Slice(line(open), node, slice.get(0), slice.get(1), slice.get(2));
    }
    // x[] is x[()] in Jinja2.
    Expr key = parts.size() == 1 ? parts.get(0) : new Expr.ListLiteral(line(open), parts, true);
    return new Expr.GetItem(line(open), node, key);
  }

  private Expr.CallArgs parseCallArgs() {
    Token open = expect(Token.Type.OPERATOR, "(");
    List<Expr> positional = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    Expr starArgs = null;
    Expr starKwargs = null;
    boolean first = true;
    while (!current().isOp(")")) {
      if (!first) {
        expect(Token.Type.OPERATOR, ",");
        if (current().isOp(")")) {
          break;
        }
      }
      first = false;
      Token t = current();
      if (t.isOp("*")) {
        next();
        starArgs = parseExpression(true);
      } else if (t.isOp("**")) {
        next();
        starKwargs = parseExpression(true);
      } else if (t.type == Token.Type.NAME && peek(1).isOp("=")) {
        next();
        next();
        if (names.contains(t.value)) {
          throw error("keyword argument repeated: " + t.value, t);
        }
        names.add((String) t.value);
        values.add(parseExpression(true));
      } else {
        if (!names.isEmpty() || starArgs != null || starKwargs != null) {
          throw error("Invalid argument syntax", t);
        }
        positional.add(parseExpression(true));
      }
    }
    if (current().type == Token.Type.EOF) {
      throw error("unexpected end of template, expected ')'", open);
    }
    next();
    return new Expr.CallArgs(positional, names, values, starArgs, starKwargs);
  }

  private Expr parseFilterExpr(Expr node) {
    while (true) {
      Token t = current();
      if (t.isOp("|")) {
        node = parseFilterChain(node, true);
      } else if (t.isName("is")) {
        node = parseTest(node);
      } else if (t.isOp("(")) {
        node = new Expr.Call(line(t), node, parseCallArgs());
      } else {
        return node;
      }
    }
  }

  private Expr.Filter parseFilterChain(Expr node) {
    return parseFilterChain(node, false);
  }

  /** {@code |name(args)|name2}; with startInline, just one filter after a pipe. */
  private Expr.Filter parseFilterChain(Expr node, boolean single) {
    Expr.Filter result = null;
    boolean firstFilter = true;
    while (firstFilter || current().isOp("|")) {
      if (current().isOp("|")) {
        next();
      } else if (!firstFilter || node != null) {
        break;
      }
      firstFilter = false;
      Token name = expect(Token.Type.NAME, null);
      StringBuilder full = new StringBuilder((String) name.value);
      while (current().isOp(".")) {
        next();
        full.append('.').append(expect(Token.Type.NAME, null).value);
      }
      Expr.CallArgs args = current().isOp("(") ? parseCallArgs() : Expr.CallArgs.NONE;
      result = new Expr.Filter(line(name), result == null ? node : result, full.toString(), args);
      noteUnknown("filter", full.toString(), name, result.filter != null);
      if (single) {
        break;
      }
    }
    return result;
  }

  private Expr parseTest(Expr node) {
    Token is = next();
    boolean negated = false;
    if (current().isName("not")) {
      next();
      negated = true;
    }
    Token name = expect(Token.Type.NAME, null);
    StringBuilder full = new StringBuilder((String) name.value);
    while (current().isOp(".")) {
      next();
      full.append('.').append(expect(Token.Type.NAME, null).value);
    }
    Expr.CallArgs args = Expr.CallArgs.NONE;
    Token t = current();
    if (t.isOp("(")) {
      args = parseCallArgs();
    } else if ((t.type == Token.Type.NAME || t.type == Token.Type.STRING || t.type == Token.Type.INTEGER
        || t.type == Token.Type.FLOAT || t.isOp("[") || t.isOp("{"))
        && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
      if (t.isName("is")) {
        throw error("You cannot chain multiple tests with is", t);
      }
      Expr arg = parsePostfix(parsePrimary());
      args = new Expr.CallArgs(List.of(arg), List.of(), List.of(), null, null);
    }
    Expr.Test test = new Expr.Test(line(is), node, full.toString(), args, negated);
    noteUnknown("test", full.toString(), name, test.test != null);
    return test;
  }
}
