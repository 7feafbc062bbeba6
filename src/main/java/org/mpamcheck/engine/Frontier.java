package org.mpamcheck.engine;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The states of one BFS level as {@link LevelBatch}es, in the order they were found, and handed
 * back in that order: held in memory or, once {@link #spill} was called, written sequentially to
 * a file of the search's {@link FrontierSpill} and read back one batch at a time. Either way the
 * search expands the same states in the same order, so spilling changes no count and no trace.
 *
 * <p>Slots: the table may grow (and move every slot) between a batch's write and its read. A
 * batch is written with the table's {@link FingerprintTable#generation}; read back in the same
 * generation its slots are still right, else they come back as -1 and the worker that expands the
 * batch finds each again by fingerprint ({@link FingerprintTable#slotOf}): one table probe per
 * state, against remapping on disk or keeping 4 bytes a spilled state in memory.
 *
 * <p>A batch on disk: its size and generation (two ints), then its packed words, fingerprints,
 * parent fingerprints and slots, each as one block. Counts, coverage, violations and deadlocks
 * are merged into the search before a batch is added, so they are not written.
 */
final class Frontier {

    /** Bytes of the buffer between the file and the batches (a sequential transfer unit). */
    private static final int BUFFER = 1 << 16;

    private final int words;
    private final FrontierSpill spill;
    private final ArrayDeque<LevelBatch> held = new ArrayDeque<>();
    private long heldBytes;
    /** Batches handed out by {@link #next} and not yet all expanded: counted and remapped. */
    private final List<LevelBatch> out = new ArrayList<>();
    private long states;
    private FileChannel file;
    private ByteBuffer buffer;
    private long fileBytes;
    private boolean spilled;
    private boolean reading;

    Frontier(int words, FrontierSpill spill) {
        this.words = words;
        this.spill = spill;
    }

    /** States added. */
    long states() {
        return states;
    }

    /** Bytes of the batches in memory: held, or handed out and not yet all expanded. */
    long memoryBytes() {
        long total = heldBytes + (buffer == null ? 0 : BUFFER);
        for (LevelBatch b : out) {
            total += b.bytes();
        }
        return total;
    }

    /** Adds a batch (an empty one is dropped): kept in memory, or written once spilled. */
    void add(LevelBatch b, int generation) throws IOException {
        if (b.size == 0) {
            return;
        }
        states += b.size;
        if (spilled) {
            write(b, generation);
        } else {
            held.add(b);
            heldBytes += b.bytes();
        }
    }

    /**
     * From now on batches go to disk, those held first (so the order stays the order found).
     * Also for a level being read: its file then holds the batches not yet handed out.
     */
    void spill(int generation) throws IOException {
        if (spilled) {
            return;
        }
        spilled = true;
        while (!held.isEmpty()) {
            LevelBatch b = held.poll();
            heldBytes -= b.bytes();
            write(b, generation);
        }
    }

    /** Moves the slots of the batches in memory after the table grew. */
    void remap(int[] move) {
        for (LevelBatch b : held) {
            b.remap(move);
        }
        for (LevelBatch b : out) {
            b.remap(move);
        }
    }

    /** The batches handed out have been expanded, all but {@code partly} (if not null). */
    void expanded(LevelBatch partly) {
        out.clear();
        if (partly != null) {
            out.add(partly);
        }
    }

    /**
     * The next batch in the order added, or null after the last; read back from disk in
     * generation {@code generation} of the table.
     */
    LevelBatch next(int generation) throws IOException {
        LevelBatch b = spilled ? read(generation) : held.poll();
        if (b != null && !spilled) {
            heldBytes -= b.bytes();
        }
        if (b != null) {
            out.add(b);
        }
        return b;
    }

    private LevelBatch read(int generation) throws IOException {
        if (file == null) {
            return null;
        }
        try {
            if (!reading) {
                flush();
                file.position(0);
                buffer.clear().limit(0);
                reading = true;
            }
            if (!need(8, false)) {
                return null;
            }
            int size = buffer.getInt();
            int written = buffer.getInt();
            LevelBatch b = new LevelBatch(words, 0, size);
            b.size = size;
            getLongs(b.packed, size * words);
            getLongs(b.fingerprints, size);
            getLongs(b.parentFingerprints, size);
            getInts(b.slots, size);
            if (written != generation) {
                Arrays.fill(b.slots, 0, size, -1);
            }
            return b;
        } catch (IOException e) {
            throw spill.failure(e);
        }
    }

    /** Deletes this level's file, if any: the level has been expanded (or the search ended). */
    void release() {
        if (file != null) {
            spill.release(file, fileBytes);
            file = null;
            buffer = null;
        }
        held.clear();
        heldBytes = 0;
        out.clear();
    }

    private void write(LevelBatch b, int generation) throws IOException {
        try {
            if (file == null) {
                file = spill.newFile();
                buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.nativeOrder());
            }
            room(8);
            buffer.putInt(b.size).putInt(generation);
            putLongs(b.packed, b.size * words);
            putLongs(b.fingerprints, b.size);
            putLongs(b.parentFingerprints, b.size);
            putInts(b.slots, b.size);
            long bytes = 8 + (long) b.size * (8L * words + 20);
            fileBytes += bytes;
            spill.onDisk(bytes);
        } catch (IOException e) {
            throw spill.failure(e);
        }
    }

    private void putLongs(long[] from, int n) throws IOException {
        transfer(n, Long.BYTES, true, (i, k) -> buffer.asLongBuffer().put(from, i, k));
    }

    private void getLongs(long[] to, int n) throws IOException {
        transfer(n, Long.BYTES, false, (i, k) -> buffer.asLongBuffer().get(to, i, k));
    }

    private void putInts(int[] from, int n) throws IOException {
        transfer(n, Integer.BYTES, true, (i, k) -> buffer.asIntBuffer().put(from, i, k));
    }

    private void getInts(int[] to, int n) throws IOException {
        transfer(n, Integer.BYTES, false, (i, k) -> buffer.asIntBuffer().get(to, i, k));
    }

    /** Copies elements {@code [i, i + k)} of an array to or from the buffer at its position. */
    private interface Chunk {
        void copy(int i, int k);
    }

    /**
     * Moves {@code n} elements of {@code width} bytes between an array and the file through the
     * buffer, as many at a time as the buffer holds.
     */
    private void transfer(int n, int width, boolean writing, Chunk chunk) throws IOException {
        for (int i = 0; i < n; ) {
            if (writing) {
                room(width);
            } else {
                need(width, true);
            }
            int k = Math.min(n - i, buffer.remaining() / width);
            chunk.copy(i, k);
            buffer.position(buffer.position() + width * k);
            i += k;
        }
    }

    /** Makes room for {@code n} bytes in the write buffer. */
    private void room(int n) throws IOException {
        if (buffer.remaining() < n) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        buffer.clear();
    }

    /**
     * Makes {@code n} bytes readable from the buffer; false at the end of the file, an error
     * when the end comes in the middle of a batch ({@code within}).
     */
    private boolean need(int n, boolean within) throws IOException {
        if (buffer.remaining() >= n) {
            return true;
        }
        buffer.compact();
        while (buffer.position() < n) {
            if (file.read(buffer) < 0) {
                buffer.flip();
                if (within || buffer.hasRemaining()) {
                    throw new EOFException("a spilled level ends in the middle of a batch");
                }
                return false;
            }
        }
        buffer.flip();
        return true;
    }
}
