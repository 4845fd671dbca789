package org.liifviewer.app.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened files, newest first, persisted in a preferences node. */
public final class RecentFiles {

    /** How many files are remembered. */
    public static final int LIMIT = 10;
    private static final String KEY = "recent.";

    private final Preferences node;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences node) {
        this.node = node;
        for (int i = 0; i < LIMIT; i++) {
            String p = node.get(KEY + i, null);
            if (p != null) {
                files.add(Path.of(p));
            }
        }
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** Moves {@code file} to the front and saves the list. */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.add(0, abs);
        files.setAll(next.subList(0, Math.min(LIMIT, next.size())));
        for (int i = 0; i < LIMIT; i++) {
            if (i < files.size()) {
                node.put(KEY + i, files.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
    }
}
