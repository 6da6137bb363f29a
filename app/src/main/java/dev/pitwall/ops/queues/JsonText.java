package dev.pitwall.ops.queues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that job hashes need, without a JSON library in the engines: a strict parser that says where and
 * why text is not JSON (objects become maps, arrays lists, numbers doubles), and a lenient re-indenter for display
 * that also copes with cut or broken text.
 */
public final class JsonText {

    private static final int MAX_DEPTH = 256;

    /** The text is not JSON; the message says what was found where. */
    public static final class SyntaxError extends Exception {
        public SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private JsonText(String text) {
        this.text = text;
    }

    public static Object parse(String text) throws SyntaxError {
        JsonText p = new JsonText(text);
        p.skipSpace();
        Object value = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describeHere() + " after the value");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describeHere());
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxError {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted key but found " + describeHere());
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return map;
            } else {
                throw error("expected ',' or '}' but found " + describeHere());
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxError {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return list;
            } else {
                throw error("expected ',' or ']' but found " + describeHere());
            }
        }
    }

    private String string() throws SyntaxError {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> b.append(unicodeEscape());
                    default -> throw error("invalid escape \\" + e);
                }
            } else if (c < 0x20) {
                throw error("control character in a string");
            } else {
                b.append(c);
            }
        }
        throw error("unterminated string");
    }

    private char unicodeEscape() throws SyntaxError {
        if (pos + 4 > text.length()) {
            throw error("unterminated \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private Double number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        return Double.valueOf(text.substring(start, pos));
    }

    private void digits() throws SyntaxError {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit but found " + describeHere());
        }
    }

    private Object literal(String word, Object value) throws SyntaxError {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeHere());
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + describeHere());
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of text";
        }
        char c = text.charAt(pos);
        return c < 0x20 ? String.format("character U+%04X", (int) c) : "'" + c + "'";
    }

    private SyntaxError error(String what) {
        return new SyntaxError(what + " at character " + (pos + 1));
    }

    /**
     * Re-indents JSON text two spaces per level. Lenient: it only follows brackets and quotes, so cut or broken
     * text comes out readable too; strings are copied as they are.
     */
    public static String pretty(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    int close = nextNonSpace(text, i + 1);
                    if (close < text.length() && text.charAt(close) == (c == '{' ? '}' : ']')) {
                        out.append(c).append(text.charAt(close));
                        i = close;
                    } else {
                        out.append(c);
                        newline(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    newline(out, depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\r', '\n' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int nextNonSpace(String text, int from) {
        int i = from;
        while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
