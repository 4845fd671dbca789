package org.liifviewer.training.graph;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lookup picks the planned rows; its scatter-add sums the gradients of repeated rows (the adjoint). */
class RowLookupTest {

    private static final int[] ROWS = {3, 0, 3, 3, 1, 0};

    @Test
    void gatherPicksRows() {
        INDArray table = Nd4j.arange(0, 20).castTo(DataType.FLOAT).reshape(5, 4);
        INDArray rows = new RowLookup(ROWS, 5).gather(table);
        for (int n = 0; n < ROWS.length; n++) {
            assertEquals(table.getRow(ROWS[n]), rows.getRow(n));
        }
    }

    @Test
    void scatterAddSumsRepeatedRowsInFloatAndDouble() {
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            Random random = new Random(3);
            INDArray grad = Nd4j.create(type, ROWS.length, 4);
            for (int n = 0; n < ROWS.length; n++) {
                for (int c = 0; c < 4; c++) {
                    grad.putScalar(n, c, random.nextGaussian());
                }
            }
            INDArray table = new RowLookup(ROWS, 5).scatterAdd(grad);
            assertEquals(type, table.dataType());
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 4; c++) {
                    double expected = 0;
                    for (int n = 0; n < ROWS.length; n++) {
                        expected += ROWS[n] == r ? grad.getDouble(n, c) : 0;
                    }
                    assertEquals(expected, table.getDouble(r, c), 1e-6, type + " row " + r + " column " + c);
                }
            }
        }
    }

    @Test
    void scatterAddReadsViewsThroughTheirOwnLayout() {
        INDArray wide = Nd4j.arange(0, 6 * 8).castTo(DataType.FLOAT).reshape(6, 8);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 6));
        INDArray table = new RowLookup(ROWS, 5).scatterAdd(view);
        assertEquals(view.getDouble(1, 0) + view.getDouble(5, 0), table.getDouble(0, 0), 0);
        assertEquals(view.getDouble(0, 3) + view.getDouble(2, 3) + view.getDouble(3, 3), table.getDouble(3, 3), 0);
        assertEquals(0, table.getRow(2).sumNumber().doubleValue(), 0);
    }

    @Test
    void scatterAddRefusesIntegerGradients() {
        INDArray grad = Nd4j.zeros(DataType.INT, ROWS.length, 2);
        assertThrows(IllegalArgumentException.class, () -> new RowLookup(ROWS, 5).scatterAdd(grad));
    }
}
