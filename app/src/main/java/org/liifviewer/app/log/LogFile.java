package org.liifviewer.app.log;

import java.nio.file.Path;

/**
 * The application's log file, {@code liif.log}: in the folder the system property {@value #DIR_PROPERTY} names
 * when set (the tests point it into {@code target/}), else in {@code $XDG_STATE_HOME/liif-viewer}, else in
 * {@code ~/.local/state/liif-viewer}. {@code logback.xml} writes it, size-capped, through {@link LogFileDefiner}.
 */
public final class LogFile {

    /** System property that overrides the log folder. */
    public static final String DIR_PROPERTY = "liif.logDir";

    private LogFile() {
    }

    /** Where the log is written. */
    public static Path path() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            String state = System.getenv("XDG_STATE_HOME");
            Path base = state == null || state.isBlank()
                    ? Path.of(System.getProperty("user.home"), ".local", "state") : Path.of(state);
            return base.resolve("liif-viewer").resolve("liif.log");
        }
        return Path.of(dir).resolve("liif.log");
    }
}
