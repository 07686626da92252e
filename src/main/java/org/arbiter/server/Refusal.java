package org.arbiter.server;

import java.util.Optional;
import java.util.function.Function;

/**
 * A request the lab refuses, with the reason in the lab's terms; nothing was changed. The store words it in
 * domain terms ("overlap", "batch name"); the HTTP server maps the {@link Reason} to a status, and the
 * terminal names a {@link Setting} by its command-line option — so the store knows neither HTTP nor flags.
 */
public final class Refusal extends RuntimeException {
    /** Why a request is refused. */
    public enum Reason {
        /** a value or file that breaks a rule of the lab */
        INVALID,
        /** no token, or one that is unknown or revoked */
        UNAUTHENTICATED,
        /** the thing exists (or may exist) but is not the caller's */
        FORBIDDEN,
        NOT_FOUND,
        /** contradicts what the lab already holds */
        CONFLICT,
        /** an import wants more distinct annotators than the lab has active */
        TOO_FEW_ANNOTATORS,
        TOO_LARGE,
        /** the caller went away before the request ended */
        CUT_OFF
    }

    /** A setting of an import that a refusal may be about; each audience has its own name for it. */
    public enum Setting {
        BATCH_NAME("batch name"), OVERLAP("overlap"), BATCH_SIZE("batch size"), GOLD_RATE("gold rate");

        private final String domainName;

        Setting(String domainName) {
            this.domainName = domainName;
        }

        public String domainName() {
            return domainName;
        }
    }

    private final Reason reason;
    private final Setting setting;
    private final Function<String, String> wording;

    private Refusal(Reason reason, Setting setting, Function<String, String> wording) {
        super(wording.apply(setting == null ? "" : setting.domainName()));
        this.reason = reason;
        this.setting = setting;
        this.wording = wording;
    }

    public static Refusal of(Reason reason, String message) {
        return new Refusal(reason, null, name -> message);
    }

    /** A refusal about {@code setting}: {@code wording} gets the audience's name for it and returns the message. */
    public static Refusal about(Reason reason, Setting setting, Function<String, String> wording) {
        return new Refusal(reason, setting, wording);
    }

    public static Refusal invalid(String message) {
        return of(Reason.INVALID, message);
    }

    public static Refusal invalid(Setting setting, Function<String, String> wording) {
        return about(Reason.INVALID, setting, wording);
    }

    public static Refusal forbidden(String message) {
        return of(Reason.FORBIDDEN, message);
    }

    public static Refusal conflict(String message) {
        return of(Reason.CONFLICT, message);
    }

    public static Refusal notFound(String message) {
        return of(Reason.NOT_FOUND, message);
    }

    public Reason reason() {
        return reason;
    }

    public Optional<Setting> setting() {
        return Optional.ofNullable(setting);
    }

    /** The message with the setting (if any) called what {@code names} calls it, e.g. its command-line option. */
    public String worded(Function<Setting, String> names) {
        return setting == null ? getMessage() : wording.apply(names.apply(setting));
    }
}
