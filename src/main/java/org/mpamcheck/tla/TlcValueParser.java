package org.mpamcheck.tla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one value in TLC's print syntax; throws IllegalArgumentException at the first surprise. */
final class TlcValueParser {

    private final String text;
    private int pos;

    private TlcValueParser(String text) {
        this.text = text;
    }

    static TlcValue parse(String text) {
        TlcValueParser p = new TlcValueParser(text);
        TlcValue v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos + " of TLC value: " + text);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private TlcValue value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("missing value");
        }
        if (accept("<<")) {
            return new TlcValue.Tuple(list(">>"));
        }
        if (accept("{")) {
            return new TlcValue.SetOf(list("}"));
        }
        if (accept("[")) {
            return record();
        }
        if (accept("(")) {
            return function();
        }
        char c = text.charAt(pos);
        if (c == '"') {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return new TlcValue.Str(s);
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            return new TlcValue.Int(Long.parseLong(text.substring(start, pos)));
        }
        return new TlcValue.Name(identifier());
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value");
        }
        return text.substring(start, pos);
    }

    private List<TlcValue> list(String close) {
        List<TlcValue> out = new ArrayList<>();
        if (accept(close)) {
            return out;
        }
        do {
            out.add(value());
        } while (accept(","));
        expect(close);
        return out;
    }

    private TlcValue record() {
        Map<String, TlcValue> fields = new LinkedHashMap<>();
        if (accept("]")) {
            return new TlcValue.Rec(fields);
        }
        do {
            String name = identifier();
            expect("|->");
            fields.put(name, value());
        } while (accept(","));
        expect("]");
        return new TlcValue.Rec(fields);
    }

    /** {@code (k :> v @@ ...)}; a parenthesised plain value is accepted too. */
    private TlcValue function() {
        List<TlcValue> keys = new ArrayList<>();
        List<TlcValue> values = new ArrayList<>();
        TlcValue first = value();
        if (accept(")")) {
            return first;
        }
        TlcValue key = first;
        while (true) {
            expect(":>");
            keys.add(key);
            values.add(value());
            if (accept(")")) {
                return new TlcValue.Fn(keys, values);
            }
            expect("@@");
            key = value();
        }
    }
}
