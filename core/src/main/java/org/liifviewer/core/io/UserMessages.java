package org.liifviewer.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The one translation from a failure to the line a user reads, in the command line and in the viewer. Messages
 * written for users (ours, and file-system reasons such as "No space left on device") are kept in plain words;
 * anything that would show a class name or a library's internals becomes a short generic sentence instead, and
 * {@code LIIF_DEBUG=1} keeps the stack trace for developers.
 */
public final class UserMessages {

    /** What an unexpected failure says; the details are in the stack trace that {@code LIIF_DEBUG=1} prints. */
    public static final String INTERNAL_ERROR = "an unexpected internal error (LIIF_DEBUG=1 prints the details)";
    /** What running out of Java heap says. */
    public static final String OUT_OF_MEMORY =
            "not enough memory (try a smaller size, or give Java more: LIIF_JAVA_OPTS=-Xmx16g)";

    /** Class names, qualified ({@code java.lang.}) or not ({@code IIOException}), as libraries put them in messages. */
    private static final Pattern IMPLEMENTATION_DETAIL =
            Pattern.compile("\\b(?:java|javax|jdk|sun|com|org|net|io)\\.[a-z]\\w*\\.|\\w+(?:Exception|Error)\\b");

    /** Operating-system reasons, as the JDK reports them, in the words of this application. */
    private static final Map<String, String> SYSTEM_REASONS = Map.of(
            "no space left on device", "the disk is full",
            "disk quota exceeded", "the disk quota is used up",
            "is a directory", "is a folder, not a file",
            "not a directory", "is not a folder",
            "read-only file system", "the disk is read-only",
            "permission denied", "permission denied",
            "operation not permitted", "permission denied",
            "too many levels of symbolic links", "links in a loop",
            "file name too long", "the name is too long");

    private UserMessages() {
    }

    /** The whole line for {@code failure}: the file it names, if any, and what is wrong. */
    public static String describe(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return oneLine(f.getFile() + ": " + problem(f));
        }
        return oneLine(problem(e));
    }

    /** What is wrong, without naming the file: for callers that name the file themselves. */
    public static String problem(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? plain(f.getReason()) : fileSystemProblem(f);
        }
        String message = e.getMessage();
        boolean ours = e instanceof IOException || e instanceof IllegalArgumentException;
        if (!ours || message == null || message.isBlank() || IMPLEMENTATION_DETAIL.matcher(message).find()) {
            return INTERNAL_ERROR;
        }
        return oneLine(plain(message));
    }

    private static String fileSystemProblem(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NotDirectoryException) {
            return "is not a folder";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "is a folder that is not empty";
        }
        return "cannot be used";
    }

    private static String plain(String reason) {
        String known = SYSTEM_REASONS.get(reason.trim().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return IMPLEMENTATION_DETAIL.matcher(reason).find() ? INTERNAL_ERROR : reason;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The failure itself, out of the wrappers that executors and lambdas put around it. */
    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (e.getCause() != null && (e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof UncheckedIOException || e instanceof InvocationTargetException)) {
            e = e.getCause();
        }
        return e;
    }
}
