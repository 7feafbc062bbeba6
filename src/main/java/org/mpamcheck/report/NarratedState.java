package org.mpamcheck.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One state as {@link org.mpamcheck.model.TraceNarrator#table} tells it, split back into its
 * tables (the per-CPU registers, the groups) and its one-line notes (limbo, locks, the variant's
 * own variables), so the explorer can compare cells step by step. The narrator stays the one
 * place that decides what a state shows; this only reads its columns, which are separated by at
 * least two spaces and never contain two.
 */
record NarratedState(List<Grid> tables, List<String> notes) {

    /** A table: its header and rows of cells; a row's first cell names it (cpu0, g1, ...). */
    record Grid(List<String> header, List<List<String>> rows) {
    }

    NarratedState {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    static NarratedState parse(String narrated) {
        List<Grid> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> header = null;
        List<List<String>> rows = null;
        for (String line : narrated.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            List<String> cells = Arrays.asList(trimmed.split(" {2,}"));
            boolean opensTable = header == null && notes.isEmpty()
                    || cells.get(0).equals("group") && cells.size() > 1;
            if (opensTable) {
                if (header != null) {
                    tables.add(new Grid(header, rows));
                }
                header = cells;
                rows = new ArrayList<>();
            } else if (header != null && cells.size() == header.size()) {
                rows.add(cells);
            } else {
                if (header != null) {
                    tables.add(new Grid(header, rows));
                    header = null;
                }
                notes.add(trimmed);
            }
        }
        if (header != null) {
            tables.add(new Grid(header, rows));
        }
        return new NarratedState(tables, notes);
    }
}
