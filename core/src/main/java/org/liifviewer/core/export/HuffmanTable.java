package org.liifviewer.core.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;

/**
 * An encoding Huffman table: the code of each symbol, assigned from a table's code-length counts and
 * symbols as in T.81 Annex C, and the table's DHT serialisation.
 */
final class HuffmanTable {

    private final short[] counts;
    private final short[] symbols;
    private final int[] codes = new int[256];
    private final int[] lengths = new int[256];

    /** Codes for {@code spec}, e.g. the Annex K.3 tables {@link JPEGHuffmanTable#StdDCLuminance} and kin. */
    HuffmanTable(JPEGHuffmanTable spec) {
        counts = spec.getLengths();
        symbols = spec.getValues();
        int code = 0;
        int next = 0;
        for (int length = 1; length <= 16; length++) {
            for (int n = 0; n < counts[length - 1]; n++) {
                int symbol = symbols[next++];
                codes[symbol] = code++;
                lengths[symbol] = length;
            }
            code <<= 1;
        }
    }

    /** Writes the code of {@code symbol} followed by the low {@code extraLength} bits of {@code extra}. */
    void write(JpegBitWriter out, int symbol, int extra, int extraLength) throws IOException {
        out.write(codes[symbol] << extraLength | extra, lengths[symbol] + extraLength);
    }

    /** Appends this table to a DHT body: class 0 (DC) or 1 (AC), destination {@code id}. */
    void appendTo(ByteArrayOutputStream dht, int tableClass, int id) {
        dht.write(tableClass << 4 | id);
        for (short count : counts) {
            dht.write(count);
        }
        for (short symbol : symbols) {
            dht.write(symbol);
        }
    }
}
