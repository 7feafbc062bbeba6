package org.mpamcheck.tla;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TLC's {@code -tool} output, split into messages: each is framed by
 * {@code @!@!@STARTMSG code:severity @!@!@} and {@code @!@!@ENDMSG code @!@!@}. Text outside any
 * frame (SANY's error report, a JVM error) is kept as untagged lines.
 */
final class TlcOutput {

    /** Message codes of TLC 2.18 (tlc2.output.EC) that the checker reads. */
    static final int INVARIANT_VIOLATED = 2110;
    static final int INVARIANT_VIOLATED_INITIAL = 2107;
    static final int DEADLOCK = 2114;
    static final int TRACE_STATE = 2217;
    static final int SUCCESS = 2193;
    static final int STATS = 2199;
    static final int PROGRESS = 2200;
    static final int DEPTH = 2194;
    static final int BEHAVIOR_FOLLOWS = 2121;
    static final int SEVERITY_ERROR = 1;

    record Message(int code, int severity, List<String> lines) {
        String text() {
            return String.join("\n", lines).strip();
        }
    }

    private static final Pattern START = Pattern.compile("@!@!@STARTMSG (\\d+):(\\d+) @!@!@");
    private static final Pattern END = Pattern.compile("@!@!@ENDMSG (\\d+) @!@!@");
    private static final Pattern COUNTS = Pattern.compile(
            "([\\d,]+) states generated.*?, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH_TEXT = Pattern.compile("search is (\\d+)");

    final List<Message> messages = new ArrayList<>();
    final List<String> untagged = new ArrayList<>();
    private Message open;

    /** Feeds one line of output; thread-confined to the reader of the child's stdout. */
    Optional<Message> line(String line) {
        Matcher s = START.matcher(line);
        if (open == null && s.matches()) {
            open = new Message(Integer.parseInt(s.group(1)), Integer.parseInt(s.group(2)),
                    new ArrayList<>());
            return Optional.empty();
        }
        if (open != null && END.matcher(line).matches()) {
            Message done = open;
            messages.add(done);
            open = null;
            return Optional.of(done);
        }
        if (open != null) {
            open.lines().add(line);
        } else if (!line.isBlank()) {
            untagged.add(line);
        }
        return Optional.empty();
    }

    List<Message> all(int code) {
        return messages.stream().filter(m -> m.code() == code).toList();
    }

    Optional<Message> first(int code) {
        return messages.stream().filter(m -> m.code() == code).findFirst();
    }

    /** {generated, distinct} from a statistics or progress message, if it has them. */
    static Optional<long[]> counts(Message m) {
        Matcher c = COUNTS.matcher(m.text());
        if (!c.find()) {
            return Optional.empty();
        }
        return Optional.of(new long[] {Long.parseLong(c.group(1).replace(",", "")),
                Long.parseLong(c.group(2).replace(",", ""))});
    }

    static int depth(Message m) {
        Matcher d = DEPTH_TEXT.matcher(m.text());
        return d.find() ? Integer.parseInt(d.group(1)) : 0;
    }

    /** TLC's own words on a failure: its error messages, else the untagged text. */
    String errorText() {
        List<String> parts = new ArrayList<>();
        for (Message m : messages) {
            if (m.severity() == SEVERITY_ERROR && m.code() != INVARIANT_VIOLATED
                    && m.code() != BEHAVIOR_FOLLOWS) {
                parts.add(m.text());
            }
        }
        if (parts.isEmpty() || parts.stream().allMatch(p -> p.contains("Parsing or semantic"))) {
            parts.addAll(0, untagged.stream().filter(l -> !l.startsWith("Parsing file")
                    && !l.startsWith("Semantic processing")).toList());
        }
        return String.join("\n", parts).strip();
    }
}
