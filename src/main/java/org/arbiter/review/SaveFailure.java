package org.arbiter.review;

import java.nio.file.Path;
import java.util.Locale;

import org.arbiter.store.StoreException;

/**
 * A write to the store that did not happen, worded for the annotator: what was not saved, why (full disk,
 * read-only or locked file, …) and which file. The session keeps the latest one until a write succeeds.
 *
 * @param what   what was being saved ("the draft of this item", "the judgment", …)
 * @param reason the cause in the user's terms
 * @param detail SQLite's own words, for whoever fixes the disk or the lock
 */
public record SaveFailure(String what, String reason, Path file, String detail) {

    static SaveFailure of(String what, StoreException e, Path file) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return new SaveFailure(what, reasonOf(detail), file, detail);
    }

    /** SQLite's result codes (https://sqlite.org/rescode.html) reach us only as text through the JDBC driver. */
    static String reasonOf(String detail) {
        String d = detail.toUpperCase(Locale.ROOT);
        if (d.contains("SQLITE_FULL") || d.contains("DISK IS FULL") || d.contains("NO SPACE")) return "the disk is full";
        if (d.contains("READONLY_DBMOVED")) return "the store file was moved or deleted while Arbiter had it open";
        if (d.contains("SQLITE_READONLY") || d.contains("READONLY") || d.contains("READ-ONLY")) return "the store file is read-only";
        if (d.contains("SQLITE_BUSY") || d.contains("SQLITE_LOCKED") || d.contains("LOCKED")) {
            return "the store file is locked by another program";
        }
        if (d.contains("SQLITE_IOERR") || d.contains("DISK I/O")) return "the disk reported an I/O error";
        if (d.contains("SQLITE_CANTOPEN")) return "the store file cannot be opened";
        return "the store refused the write";
    }

    /** One line for the notice, most important first: "NOT SAVED: the judgment of this item — the disk is full". */
    public String headline() {
        return "NOT SAVED: " + what + " — " + reason;
    }
}
