package org.liifviewer.training.graph;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.IntStream;

/**
 * Row lookup {@code out[n] = table[rows[n]]} and its exact adjoint, the scatter-add
 * {@code grad_table[r] = sum over n with rows[n] = r of grad_out[n]}. SameDiff 1.0.0-M2.1's own gather gradient
 * assigns instead of adding when rows repeat, which they always do in LIIF, so the lookup runs outside the graph.
 * Both directions are Java loops over the arrays' native buffers, split over the cores: M2.1's
 * {@code unsorted_segment_sum} leaks about its input's size of native memory per call (~100 MB per training step,
 * measured), and its native {@code gather} took ~40 ms per step where the copies take a few.
 */
final class RowLookup {

    private static final int PARTS = Runtime.getRuntime().availableProcessors();

    private final int[] rowIndices;
    private final long tableRows;

    RowLookup(int[] rows, long tableRows) {
        this.rowIndices = rows;
        this.tableRows = tableRows;
    }

    /** The looked-up rows of {@code table} (tableRows x width). */
    INDArray gather(INDArray table) {
        INDArray in = contiguous(table);
        int width = (int) in.size(1);
        INDArray out = Nd4j.createUninitialized(in.dataType(), rowIndices.length, width);
        RowCopier copier = RowCopier.of(in, out, width);
        inParts(rowIndices.length, (from, to) -> {
            for (int n = from; n < to; n++) {
                copier.copy(rowIndices[n], n);
            }
        });
        return out;
    }

    /**
     * The gradient of the table given the gradient of the looked-up rows. Each part of the work owns a range of
     * table rows and adds the entries that fall in it, so no two threads write one row.
     */
    INDArray scatterAdd(INDArray gradRows) {
        INDArray in = contiguous(gradRows);
        int width = (int) in.size(1);
        INDArray out = Nd4j.create(in.dataType(), tableRows, width);
        RowCopier copier = RowCopier.of(in, out, width);
        inParts(Math.toIntExact(tableRows), (first, end) -> {
            for (int n = 0; n < rowIndices.length; n++) {
                int row = rowIndices[n];
                if (row >= first && row < end) {
                    copier.add(n, row);
                }
            }
        });
        return out;
    }

    /** Row copies and row additions between two arrays' native buffers (absolute positions: thread-safe). */
    private record RowCopier(ByteBuffer from, ByteBuffer to, int rowBytes, boolean single) {

        static RowCopier of(INDArray source, INDArray target, int width) {
            DataType type = source.dataType();
            if (type != DataType.FLOAT && type != DataType.DOUBLE) {
                throw new IllegalArgumentException("float or double arrays expected, got " + type);
            }
            return new RowCopier(source.data().asNio().order(ByteOrder.nativeOrder()),
                    target.data().asNio().order(ByteOrder.nativeOrder()), width * type.width(), type == DataType.FLOAT);
        }

        void copy(int sourceRow, int targetRow) {
            to.put(targetRow * rowBytes, from, sourceRow * rowBytes, rowBytes);
        }

        void add(int sourceRow, int targetRow) {
            int s = sourceRow * rowBytes;
            int t = targetRow * rowBytes;
            if (single) {
                for (int i = 0; i < rowBytes; i += Float.BYTES) {
                    to.putFloat(t + i, to.getFloat(t + i) + from.getFloat(s + i));
                }
            } else {
                for (int i = 0; i < rowBytes; i += Double.BYTES) {
                    to.putDouble(t + i, to.getDouble(t + i) + from.getDouble(s + i));
                }
            }
        }
    }

    private static INDArray contiguous(INDArray a) {
        return a.isView() || a.offset() != 0 || a.ordering() != 'c' ? a.dup('c') : a;
    }

    /** Runs {@code range} on [0, count) cut into one contiguous part per core. */
    private static void inParts(int count, IntRange range) {
        IntStream.range(0, PARTS).parallel().forEach(p -> range.run(
                (int) ((long) count * p / PARTS), (int) ((long) count * (p + 1) / PARTS)));
    }

    @FunctionalInterface
    private interface IntRange {
        void run(int from, int to);
    }
}
