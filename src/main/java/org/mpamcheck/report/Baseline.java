package org.mpamcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mpamcheck.check.PropertyResult;
import org.mpamcheck.check.Verdict;
import org.mpamcheck.spec.Trace;

/**
 * The expected verdict of every cell of the matrix, for CI to guard the matrix itself. The file
 * is text, one cell per line, so that a change in review is a one-line diff:
 *
 * <pre>
 * # comments and blank lines are ignored
 * scope cpus=2 tasks=3 ...
 * arm64-kernel-default  partid-exclusive  HOLDS
 * arm64-kernel-default  no-user-bypass    VIOLATED 4
 * </pre>
 *
 * A cell is a variant and a property with the engines' agreed verdict ({@code HOLDS},
 * {@code VACUOUS} or {@code VIOLATED}) and, for a violation, the length of the shortest
 * counterexample. Engine names are not recorded: every engine must reach the same verdict, so one
 * baseline serves any choice of engines. The scope's bounds are recorded: a baseline is for one.
 */
public record Baseline(String bounds, Map<String, Cell> cells) {

    /** One expected cell; {@code steps} is 0 unless violated. */
    public record Cell(String variant, String property, Verdict verdict, int steps) {

        String key() {
            return variant + " " + property;
        }

        @Override
        public String toString() {
            return verdict + (verdict == Verdict.VIOLATED ? " " + steps : "");
        }
    }

    /** A malformed baseline file: the line number and what is wrong. */
    public static final class MalformedException extends IllegalArgumentException {
        MalformedException(int line, String why) {
            super("line " + line + ": " + why);
        }
    }

    public Baseline {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The file's text, cells in the report's order (variant by variant). */
    public static String render(Report r) {
        List<Cell> cells = cellsOf(r);
        int variantWidth = cells.stream().mapToInt(c -> c.variant().length()).max().orElse(0);
        int propertyWidth = cells.stream().mapToInt(c -> c.property().length()).max().orElse(0);
        StringBuilder b = new StringBuilder("# mpamcheck expected verdicts, one cell per line: "
                + "variant, property, verdict, and the\n# shortest counterexample's length when "
                + "violated. Engines: " + String.join("+", r.engines())
                + " (any engine must agree).\n");
        b.append("scope ").append(r.scope().bounds()).append('\n');
        for (Cell c : cells) {
            b.append(String.format("%-" + variantWidth + "s  %-" + propertyWidth + "s  %s%n",
                    c.variant(), c.property(), c));
        }
        return b.toString();
    }

    private static List<Cell> cellsOf(Report r) {
        List<Cell> cells = new ArrayList<>();
        for (VariantRun run : r.runs()) {
            for (String p : r.properties()) {
                run.agreed(p).ifPresent(res -> cells.add(cell(run.id(), res)));
            }
        }
        return cells;
    }

    private static Cell cell(String variant, PropertyResult p) {
        return new Cell(variant, p.invariant(), p.verdict(),
                p.counterexample().map(Trace::length).orElse(0));
    }

    public static Baseline parse(String text) {
        String bounds = null;
        Map<String, Cell> cells = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("scope ")) {
                bounds = line.substring("scope ".length()).strip();
                continue;
            }
            Cell c = parseCell(i + 1, line.split("\\s+"));
            if (cells.put(c.key(), c) != null) {
                throw new MalformedException(i + 1, "cell " + c.key() + " is given twice");
            }
        }
        if (bounds == null) {
            throw new MalformedException(lines.length, "no 'scope BOUNDS' line");
        }
        return new Baseline(bounds, cells);
    }

    private static Cell parseCell(int line, String[] f) {
        String form = "expected 'VARIANT PROPERTY HOLDS|VACUOUS|VIOLATED STEPS', got '"
                + String.join(" ", f) + "'";
        if (f.length < 3 || f.length > 4) {
            throw new MalformedException(line, form);
        }
        Verdict v;
        try {
            v = Verdict.valueOf(f[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedException(line, form);
        }
        if (v == Verdict.INCOMPLETE || v == Verdict.ERROR) {
            throw new MalformedException(line, "a baseline expects settled verdicts, not " + v);
        }
        if ((v == Verdict.VIOLATED) != (f.length == 4) || f.length == 4 && !f[3].matches(
                "[1-9][0-9]{0,5}")) {
            throw new MalformedException(line, form);
        }
        return new Cell(f[0], f[1], v, f.length == 4 ? Integer.parseInt(f[3]) : 0);
    }

    /**
     * The differences between this baseline and {@code r}, one line each: every cell of the
     * report that differs or is missing here, then {@link #otherChanges}.
     */
    public List<String> changes(Report r, boolean whole) {
        List<String> changes = new ArrayList<>();
        for (VariantRun run : r.runs()) {
            for (String p : r.properties()) {
                run.agreed(p).flatMap(res -> change(run.id(), res)).ifPresent(changes::add);
            }
        }
        changes.addAll(otherChanges(r, whole));
        return changes;
    }

    /** How one checked cell differs from this baseline, if it does. */
    public Optional<String> change(String variant, PropertyResult agreed) {
        Cell got = cell(variant, agreed);
        Cell want = cells.get(got.key());
        if (want == null) {
            return Optional.of(got.key() + ": " + got + ", not in the baseline (a new cell)");
        }
        if (!want.toString().equals(got.toString())) {
            return Optional.of(got.key() + ": expected " + want + ", got " + got + " ("
                    + kind(want, got) + ")");
        }
        return Optional.empty();
    }

    /**
     * The changes that belong to no checked cell: another scope, and, when {@code whole} (the
     * report checked every variant and property), every expected cell the report no longer has.
     */
    public List<String> otherChanges(Report r, boolean whole) {
        List<String> changes = new ArrayList<>();
        if (!bounds.equals(r.scope().bounds())) {
            changes.add("scope: expected " + bounds + ", got " + r.scope().bounds());
        }
        if (whole) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            cellsOf(r).forEach(c -> seen.add(c.key()));
            cells.values().stream().filter(c -> !seen.contains(c.key())).forEach(c ->
                    changes.add(c.key() + ": expected " + c + ", no longer checked (a cell "
                            + "that is gone)"));
        }
        return changes;
    }

    private static String kind(Cell want, Cell got) {
        boolean wasViolated = want.verdict() == Verdict.VIOLATED;
        return switch (got.verdict()) {
            case VIOLATED -> wasViolated ? "counterexample length changed" : "newly violated";
            case HOLDS -> wasViolated ? "newly holding" : "no longer vacuous";
            case VACUOUS -> wasViolated ? "newly holding, vacuously" : "newly vacuous";
            default -> "not settled";
        };
    }
}
