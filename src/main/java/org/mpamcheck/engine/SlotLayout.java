package org.mpamcheck.engine;

import java.util.ArrayList;
import java.util.List;
import org.mpamcheck.spec.OptionSort;
import org.mpamcheck.spec.RangeSort;
import org.mpamcheck.spec.Sort;
import org.mpamcheck.spec.Spec;
import org.mpamcheck.spec.State;
import org.mpamcheck.spec.Type;
import org.mpamcheck.spec.Value;
import org.mpamcheck.spec.Variable;

/**
 * Where each variable lives in the engine's two state forms. The unpacked form is a {@code long[]}
 * of slots: a scalar or a set takes one slot (a scalar holds its element index, or the integer
 * for a range sort; a set holds its bitmask), a function takes one block per domain element. The
 * packed form squeezes each slot into the few bits its sort needs, never straddling a word.
 */
final class SlotLayout {

    private final List<Variable> variables;
    private final int[] offset;
    private final Sort[] slotSort;
    private final boolean[] slotIsSet;
    private final int[] slotWord;
    private final int[] slotShift;
    private final int[] slotBits;
    private final int slots;
    private final int words;

    SlotLayout(Spec spec) {
        variables = spec.variables();
        offset = new int[variables.size() + 1];
        List<Sort> sorts = new ArrayList<>();
        List<Boolean> sets = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            offset[i] = sorts.size();
            flatten(variables.get(i).type(), sorts, sets);
        }
        offset[variables.size()] = sorts.size();
        slots = sorts.size();
        slotSort = sorts.toArray(Sort[]::new);
        slotIsSet = new boolean[slots];
        slotWord = new int[slots];
        slotShift = new int[slots];
        slotBits = new int[slots];
        int word = 0;
        int used = 0;
        for (int k = 0; k < slots; k++) {
            slotIsSet[k] = sets.get(k);
            int bits = slotIsSet[k] ? slotSort[k].size() : bitsFor(slotSort[k].size());
            if (used + bits > 64) {
                word++;
                used = 0;
            }
            slotWord[k] = word;
            slotShift[k] = used;
            slotBits[k] = bits;
            used += bits;
        }
        words = word + 1;
    }

    /** The slots of a value of this type: one per scalar or set, a block per function argument. */
    static int width(Type t) {
        return t instanceof Type.FnOf f ? f.domain().size() * width(f.range()) : 1;
    }

    private static void flatten(Type t, List<Sort> sorts, List<Boolean> sets) {
        if (t instanceof Type.FnOf f) {
            for (int i = 0; i < f.domain().size(); i++) {
                flatten(f.range(), sorts, sets);
            }
        } else if (t instanceof Type.SetOf s) {
            sorts.add(s.element());
            sets.add(true);
        } else {
            sorts.add(((Type.Scalar) t).sort());
            sets.add(false);
        }
    }

    private static int bitsFor(int size) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(size - 1));
    }

    int slots() {
        return slots;
    }

    int words() {
        return words;
    }

    int offset(int variableIndex) {
        return offset[variableIndex];
    }

    Sort slotSort(int slot) {
        return slotSort[slot];
    }

    boolean slotIsSet(int slot) {
        return slotIsSet[slot];
    }

    /** The slot's value as a 0-based code (range integers shifted by their lower bound). */
    private long code(int slot, long value) {
        return !slotIsSet[slot] && slotSort[slot] instanceof RangeSort r ? value - r.lo() : value;
    }

    private long uncode(int slot, long code) {
        return !slotIsSet[slot] && slotSort[slot] instanceof RangeSort r ? code + r.lo() : code;
    }

    void pack(long[] slotValues, long[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + words, 0L);
        for (int k = 0; k < slots; k++) {
            out[outOffset + slotWord[k]] |= code(k, slotValues[k]) << slotShift[k];
        }
    }

    void unpack(long[] packed, int packedOffset, long[] slotValues) {
        for (int k = 0; k < slots; k++) {
            long w = packed[packedOffset + slotWord[k]] >>> slotShift[k];
            long mask = slotBits[k] == 64 ? -1L : (1L << slotBits[k]) - 1;
            slotValues[k] = uncode(k, w & mask);
        }
    }

    long[] encode(State state) {
        long[] out = new long[slots];
        for (int i = 0; i < variables.size(); i++) {
            write(state.values().get(i), out, offset[i]);
        }
        return out;
    }

    State decode(long[] slotValues) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            values.add(read(variables.get(i).type(), slotValues, offset[i]));
        }
        return new State(variables, values);
    }

    private static int write(Value v, long[] out, int at) {
        if (v instanceof Value.FnVal f) {
            for (Value x : f.values()) {
                at = write(x, out, at);
            }
            return at;
        }
        out[at] = scalarCode(v);
        return at + 1;
    }

    /** The engine's long for a scalar, integer or set value. */
    static long scalarCode(Value v) {
        if (v instanceof Value.SetVal s) {
            return s.bits();
        }
        if (v instanceof Value.IntVal i) {
            return i.value();
        }
        Value.Atom a = (Value.Atom) v;
        return a.sort() instanceof RangeSort r ? r.lo() + a.index() : a.index();
    }

    static Value read(Type t, long[] in, int at) {
        if (t instanceof Type.FnOf f) {
            List<Value> values = new ArrayList<>();
            int w = width(f.range());
            for (int i = 0; i < f.domain().size(); i++) {
                values.add(read(f.range(), in, at + i * w));
            }
            return new Value.FnVal(f, values);
        }
        if (t instanceof Type.SetOf s) {
            return new Value.SetVal(s.element(), in[at]);
        }
        if (t instanceof Type.Int) {
            return new Value.IntVal(in[at]);
        }
        Sort sort = ((Type.Scalar) t).sort();
        int index = sort instanceof RangeSort r ? (int) (in[at] - r.lo()) : (int) in[at];
        return new Value.Atom(sort, index);
    }

    int slotWord(int slot) {
        return slotWord[slot];
    }

    int slotShift(int slot) {
        return slotShift[slot];
    }

    int slotBits(int slot) {
        return slotBits[slot];
    }

    /** What is subtracted from a slot's value to give its packed code (a range's lower bound). */
    long slotBase(int slot) {
        return !slotIsSet[slot] && slotSort[slot] instanceof RangeSort r ? r.lo() : 0;
    }

    /** Whether the slot's sort is, or is an option over, {@code s}. */
    boolean slotOfSort(int slot, Sort s) {
        Sort t = slotSort[slot];
        return t.equals(s) || (t instanceof OptionSort o && o.base().equals(s));
    }
}
